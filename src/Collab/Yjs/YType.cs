namespace OpenTalk.Collab.Yjs;

/// <summary>A shared type inside a document: a linked sequence of items and a map of keyed items.</summary>
internal sealed class YType(Item? owner)
{
    /// <summary>The item that holds this type; null for a root type.</summary>
    public Item? Owner => owner;

    public Item? Start { get; set; }

    /// <summary>Per key the rightmost item, which holds the live value unless deleted.</summary>
    public Dictionary<string, Item> Map { get; } = [];

    public bool IsDeleted => owner is { Deleted: true };

    public IEnumerable<Item> LiveItems()
    {
        for (var item = Start; item is not null; item = item.Right)
        {
            if (!item.Deleted) yield return item;
        }
    }
}
