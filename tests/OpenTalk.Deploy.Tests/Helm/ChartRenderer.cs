using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace OpenTalk.Deploy.Tests.Helm;

/// <summary>
/// Renders the chart's templates as Helm would, for the part of Helm's template language the chart is allowed to use
/// (there is no helm binary here). Anything else throws, so the chart cannot use a construct no test rendered:
/// <list type="bullet">
/// <item><c>{{ .Values.a.b }}</c>, <c>.Release.Name</c>, <c>.Release.Namespace</c>, <c>.Chart.Name</c>,
/// <c>.Chart.Version</c>, <c>.Chart.AppVersion</c>; <c>$</c> (the root) and range variables (<c>$i</c>, <c>$x.a</c>);
/// "string" and integer literals;</item>
/// <item>pipes into <c>quote</c>, <c>toYaml</c>, <c>nindent N</c>; <c>not X</c>;</item>
/// <item><c>if</c> / <c>else</c> / <c>end</c>; <c>range X</c>, <c>range $v := X</c>, <c>range $i, $v := X</c> over
/// lists and maps (keys sorted, as Go does);</item>
/// <item><c>{{-</c> and <c>-}}</c> trimming, <c>{{/* comments */}}</c>.</item>
/// </list>
/// Stricter than Helm: a value that values.yaml does not define, or a null printed, is an error.
/// </summary>
public sealed partial class ChartRenderer(string chartFolder)
{
    public Dictionary<string, object?> Values { get; } = Yaml.LoadMapping(File.ReadAllText(Path.Combine(chartFolder, "values.yaml")));

    /// <summary>Sets a value that values.yaml defines (a dotted path); a path it does not define is a mistake.</summary>
    public ChartRenderer With(string path, object? value)
    {
        var keys = path.Split('.');
        var mapping = Values;
        foreach (var key in keys[..^1])
            mapping = mapping.TryGetValue(key, out var child) && child is Dictionary<string, object?> next ? next
                : throw new KeyNotFoundException($"values.yaml has no mapping '{key}' in '{path}'");
        if (!mapping.ContainsKey(keys[^1]))
            throw new KeyNotFoundException($"values.yaml has no '{path}'");
        mapping[keys[^1]] = value;
        return this;
    }

    /// <summary>Every file of templates/ rendered, by file name.</summary>
    public Dictionary<string, string> RenderAll(string releaseName = "meet", string releaseNamespace = "video")
    {
        var chart = Yaml.LoadMapping(File.ReadAllText(Path.Combine(chartFolder, "Chart.yaml")));
        var root = new Dictionary<string, object?>
        {
            ["Values"] = Values,
            ["Release"] = new Dictionary<string, object?> { ["Name"] = releaseName, ["Namespace"] = releaseNamespace },
            ["Chart"] = new Dictionary<string, object?>
            {
                ["Name"] = chart.Text("name"), ["Version"] = chart.Text("version"), ["AppVersion"] = chart.Text("appVersion"),
            },
        };
        return Directory.GetFiles(Path.Combine(chartFolder, "templates")).Order(StringComparer.Ordinal)
            .ToDictionary(file => Path.GetFileName(file), file => Render(File.ReadAllText(file), root, Path.GetFileName(file)));
    }

    public static string Render(string template, Dictionary<string, object?> root, string name = "template")
    {
        try
        {
            var tokens = Tokenize(template);
            var position = 0;
            var nodes = Parse(tokens, ref position, out var stop);
            if (stop is not null)
                throw new TemplateException($"'{stop}' without its 'if' or 'range'");
            var output = new StringBuilder();
            var scope = new Scope(root, root, new Dictionary<string, object?>());
            foreach (var node in nodes)
                node.Write(output, scope);
            return output.ToString();
        }
        catch (TemplateException e)
        {
            throw new TemplateException($"{name}: {e.Message}");
        }
    }

    private abstract record Token;
    private sealed record TextToken(string Text) : Token;
    private sealed record ActionToken(string Body) : Token;

    private static List<Token> Tokenize(string template)
    {
        var tokens = new List<Token>();
        var at = 0;
        var trimNext = false;
        foreach (Match action in ActionPattern().Matches(template))
        {
            var text = template[at..action.Index];
            if (trimNext)
                text = text.TrimStart();
            if (action.Groups["left"].Success)
                text = text.TrimEnd();
            tokens.Add(new TextToken(text));
            var body = action.Groups["body"].Value.Trim();
            if (!(body.StartsWith("/*", StringComparison.Ordinal) && body.EndsWith("*/", StringComparison.Ordinal)))
                tokens.Add(new ActionToken(body));
            trimNext = action.Groups["right"].Success;
            at = action.Index + action.Length;
        }
        var rest = template[at..];
        tokens.Add(new TextToken(trimNext ? rest.TrimStart() : rest));
        if (tokens.OfType<TextToken>().Any(t => t.Text.Contains("{{", StringComparison.Ordinal) || t.Text.Contains("}}", StringComparison.Ordinal)))
            throw new TemplateException("unbalanced {{ }}");
        return tokens;
    }

    [GeneratedRegex(@"\{\{(?<left>-\s)?(?<body>.*?)(?<right>\s-)?\}\}", RegexOptions.Singleline)]
    private static partial Regex ActionPattern();

    /// <summary>Nodes up to an <c>else</c> or <c>end</c> (returned in <paramref name="stop"/>) or the end.</summary>
    private static List<Node> Parse(List<Token> tokens, ref int position, out string? stop)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            if (token is TextToken text)
            {
                nodes.Add(new TextNode(text.Text));
                continue;
            }
            var body = ((ActionToken)token).Body;
            var keyword = body.Split(' ', 2)[0];
            switch (keyword)
            {
                case "else" when body == "else":
                case "end" when body == "end":
                    stop = body;
                    return nodes;
                case "if":
                {
                    var condition = Pipeline.Parse(body[2..]);
                    var then = Parse(tokens, ref position, out var thenStop);
                    var otherwise = new List<Node>();
                    if (thenStop == "else")
                        otherwise = Parse(tokens, ref position, out thenStop);
                    if (thenStop != "end")
                        throw new TemplateException($"'{{{{ {body} }}}}' has no end");
                    nodes.Add(new IfNode(condition, then, otherwise));
                    break;
                }
                case "range":
                {
                    var match = RangePattern().Match(body);
                    if (!match.Success)
                        throw new TemplateException($"unsupported range '{body}'");
                    var first = match.Groups["first"].Success ? match.Groups["first"].Value : null;
                    var second = match.Groups["second"].Success ? match.Groups["second"].Value : null;
                    var source = Pipeline.Parse(match.Groups["source"].Value);
                    var inner = Parse(tokens, ref position, out var rangeStop);
                    if (rangeStop != "end")
                        throw new TemplateException($"'{{{{ {body} }}}}' has no end (range with else is not supported)");
                    // "range $v := x" names the element; "range $i, $v := x" the index (or key) and the element.
                    nodes.Add(second is null ? new RangeNode(null, first, source, inner) : new RangeNode(first, second, source, inner));
                    break;
                }
                default:
                    if (ControlWords.Contains(keyword))
                        throw new TemplateException($"unsupported action '{{{{ {body} }}}}'");
                    nodes.Add(new OutputNode(Pipeline.Parse(body)));
                    break;
            }
        }
        stop = null;
        return nodes;
    }

    private static readonly HashSet<string> ControlWords = ["with", "define", "template", "block", "break", "continue", "else", "end"];

    [GeneratedRegex(@"^range\s+(?:(?<first>\$[A-Za-z_]\w*)\s*(?:,\s*(?<second>\$[A-Za-z_]\w*)\s*)?:=\s*)?(?<source>.+)$", RegexOptions.Singleline)]
    private static partial Regex RangePattern();

    private sealed record Scope(object? Dot, Dictionary<string, object?> Root, Dictionary<string, object?> Variables);

    private abstract record Node
    {
        public abstract void Write(StringBuilder output, Scope scope);
    }

    private sealed record TextNode(string Text) : Node
    {
        public override void Write(StringBuilder output, Scope scope) => output.Append(Text);
    }

    private sealed record OutputNode(Pipeline Pipeline) : Node
    {
        public override void Write(StringBuilder output, Scope scope) => output.Append(Print(Pipeline.Evaluate(scope)));
    }

    private sealed record IfNode(Pipeline Condition, List<Node> Then, List<Node> Otherwise) : Node
    {
        public override void Write(StringBuilder output, Scope scope)
        {
            foreach (var node in IsTrue(Condition.Evaluate(scope)) ? Then : Otherwise)
                node.Write(output, scope);
        }
    }

    private sealed record RangeNode(string? IndexVariable, string? ValueVariable, Pipeline Source, List<Node> Body) : Node
    {
        public override void Write(StringBuilder output, Scope scope)
        {
            IEnumerable<(object? Key, object? Value)> items = Source.Evaluate(scope) switch
            {
                null => [],
                List<object?> list => list.Select((v, i) => ((object?)(long)i, v)),
                Dictionary<string, object?> map => map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ((object?)p.Key, p.Value)),
                var other => throw new TemplateException($"cannot range over {other.GetType().Name}"),
            };
            foreach (var (key, value) in items)
            {
                var variables = new Dictionary<string, object?>(scope.Variables);
                if (IndexVariable is not null)
                    variables[IndexVariable] = key;
                if (ValueVariable is not null)
                    variables[ValueVariable] = value;
                foreach (var node in Body)
                    node.Write(output, scope with { Dot = value, Variables = variables });
            }
        }
    }

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    private static string Print(object? value) => value switch
    {
        null => throw new TemplateException("a null value is printed (Helm would print nothing, or <no value>)"),
        string s => s,
        bool b => b ? "true" : "false",
        long n => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new TemplateException($"a {value.GetType().Name} is printed; use toYaml"),
    };

    /// <summary>Commands joined by <c>|</c>: each later one gets the value before it as its last argument.</summary>
    private sealed partial record Pipeline(List<List<string>> Commands)
    {
        public static Pipeline Parse(string text)
        {
            var commands = new List<List<string>>();
            var words = new List<string>();
            foreach (Match word in WordPattern().Matches(text))
            {
                if (word.Value == "|")
                {
                    commands.Add(words);
                    words = [];
                }
                else
                {
                    words.Add(word.Value);
                }
            }
            commands.Add(words);
            if (commands.Any(c => c.Count == 0) || string.Concat(WordPattern().Matches(text).Select(m => m.Value)) != string.Concat(text.Where(c => !char.IsWhiteSpace(c))))
                throw new TemplateException($"cannot read '{text.Trim()}'");
            return new Pipeline(commands);
        }

        public object? Evaluate(Scope scope)
        {
            object? value = null;
            for (var i = 0; i < Commands.Count; i++)
            {
                var command = Commands[i];
                var piped = i > 0;
                if (!Functions.Contains(command[0]))
                {
                    if (piped || command.Count != 1)
                        throw new TemplateException($"'{string.Join(' ', command)}' is no function this chart may use");
                    value = Term(command[0], scope);
                    continue;
                }
                var arguments = command.Skip(1).Select(a => Term(a, scope)).ToList();
                if (piped)
                    arguments.Add(value);
                value = Call(command[0], arguments);
            }
            return value;
        }

        private static readonly HashSet<string> Functions = ["quote", "toYaml", "nindent", "not"];

        private static object? Call(string function, List<object?> arguments) => (function, arguments) switch
        {
            ("quote", [var v]) => "\"" + Print(v).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            ("toYaml", [var v]) => ToYaml(v),
            ("nindent", [long n, string s]) => "\n" + Indent((int)n, s),
            ("not", [var v]) => !IsTrue(v),
            _ => throw new TemplateException($"{function} with {arguments.Count} argument(s) of these kinds is not supported"),
        };

        private static string Indent(int spaces, string text)
        {
            var pad = new string(' ', spaces);
            return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
        }

        private static string ToYaml(object? value) =>
            new SerializerBuilder().Build().Serialize(Sorted(value)).TrimEnd('\n');

        // Helm's toYaml writes keys in order.
        private static object? Sorted(object? value) => value switch
        {
            Dictionary<string, object?> map => new SortedDictionary<string, object?>(map.ToDictionary(p => p.Key, p => Sorted(p.Value)), StringComparer.Ordinal),
            List<object?> list => list.Select(Sorted).ToList(),
            _ => value,
        };

        private static object? Term(string term, Scope scope)
        {
            if (term.StartsWith('"'))
                return term[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            if (long.TryParse(term, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                return number;
            if (term == ".")
                return scope.Dot;
            if (term.StartsWith('.'))
                return Lookup(scope.Dot, term[1..], term);
            if (term == "$")
                return scope.Root;
            if (term.StartsWith("$.", StringComparison.Ordinal))
                return Lookup(scope.Root, term[2..], term);
            if (term.StartsWith('$'))
            {
                var dot = term.IndexOf('.', StringComparison.Ordinal);
                var name = dot < 0 ? term : term[..dot];
                if (!scope.Variables.TryGetValue(name, out var variable))
                    throw new TemplateException($"undefined variable {name}");
                return dot < 0 ? variable : Lookup(variable, term[(dot + 1)..], term);
            }
            throw new TemplateException($"'{term}' is no function or value this chart may use");
        }

        private static object? Lookup(object? value, string path, string term)
        {
            foreach (var key in path.Split('.'))
            {
                value = value is Dictionary<string, object?> map && map.TryGetValue(key, out var child) ? child
                    : throw new TemplateException($"{term}: no '{key}' (every value must be defined in values.yaml)");
            }
            return value;
        }

        [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|\\||[^\\s|\"]+")]
        private static partial Regex WordPattern();
    }
}

public sealed class TemplateException(string message) : Exception(message);
