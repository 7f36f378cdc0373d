using System.Text.Json.Nodes;

namespace OpenTalk.Collab.Yjs;

/// <summary>A node of a Y.XmlFragment as y-prosemirror writes it: elements for ProseMirror nodes, texts for their inline content.</summary>
public abstract record YXmlNode;

public sealed record YXmlElement(string Name, IReadOnlyDictionary<string, JsonNode?> Attributes, IReadOnlyList<YXmlNode> Children) : YXmlNode;

/// <summary>Formatted text; neighbouring characters with the same marks form one run.</summary>
public sealed record YXmlText(IReadOnlyList<YTextRun> Runs) : YXmlNode;

/// <summary>Text with the formatting attributes in effect (y-prosemirror: a mark name to its attributes); an embed is a run with empty text.</summary>
public sealed record YTextRun(string Text, IReadOnlyDictionary<string, JsonNode?> Marks);
