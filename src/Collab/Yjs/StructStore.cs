namespace OpenTalk.Collab.Yjs;

/// <summary>Each client's integrated structs, contiguous from clock zero.</summary>
internal sealed class StructStore
{
    private readonly Dictionary<long, List<Struct>> _clients = [];

    public IEnumerable<long> Clients => _clients.Keys;

    public long State(long client) =>
        _clients.TryGetValue(client, out var structs) && structs.Count > 0 ? structs[^1].End : 0;

    public void Add(Struct s)
    {
        if (!_clients.TryGetValue(s.Id.Client, out var structs)) _clients[s.Id.Client] = structs = [];
        structs.Add(s);
    }

    public Struct Find(YId id)
    {
        var (structs, index) = Locate(id);
        return structs[index];
    }

    /// <summary>The struct starting at <paramref name="id"/>, splitting an item that starts earlier.</summary>
    public Struct FindCleanStart(YId id)
    {
        var (structs, index) = Locate(id);
        var s = structs[index];
        if (s.Id.Clock < id.Clock && s is Item item)
        {
            var right = Split(item, id.Clock - item.Id.Clock);
            structs.Insert(index + 1, right);
            return right;
        }
        return s;
    }

    /// <summary>The struct ending at <paramref name="id"/>, splitting an item that ends later.</summary>
    public Struct FindCleanEnd(YId id)
    {
        var (structs, index) = Locate(id);
        var s = structs[index];
        if (id.Clock != s.End - 1 && s is Item item) structs.Insert(index + 1, Split(item, id.Clock - item.Id.Clock + 1));
        return s;
    }

    /// <summary>Marks the clocks of a delete range deleted, splitting items at its edges.</summary>
    public void Delete(long client, DeleteRange range, Action<Item> delete)
    {
        if (!_clients.TryGetValue(client, out var structs) || range.Clock >= State(client)) return;
        var index = IndexOf(structs, range.Clock);
        if (structs[index] is Item { Deleted: false } first && first.Id.Clock < range.Clock)
        {
            structs.Insert(index + 1, Split(first, range.Clock - first.Id.Clock));
            index++;
        }
        while (index < structs.Count && structs[index].Id.Clock < range.End)
        {
            if (structs[index++] is Item { Deleted: false } item)
            {
                if (range.End < item.End) structs.Insert(index, Split(item, range.End - item.Id.Clock));
                delete(item);
            }
        }
    }

    private (List<Struct> Structs, int Index) Locate(YId id)
    {
        if (_clients.TryGetValue(id.Client, out var structs) && id.Clock < State(id.Client))
            return (structs, IndexOf(structs, id.Clock));
        throw new YFormatException("Reference to a clock the update does not hold");
    }

    private static int IndexOf(List<Struct> structs, long clock)
    {
        int low = 0, high = structs.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var s = structs[mid];
            if (clock < s.Id.Clock) high = mid - 1;
            else if (clock >= s.End) low = mid + 1;
            else return mid;
        }
        throw new YFormatException("Clock not found");
    }

    /// <summary>Cuts an integrated item in two; the right part keeps the links, the parent map and the deletion.</summary>
    private static Item Split(Item left, long diff)
    {
        var right = left.SliceFrom(diff);
        right.ParentSub = left.ParentSub;
        right.Parent = left.Parent;
        right.Deleted = left.Deleted;
        right.Left = left;
        right.Right = left.Right;
        left.Right = right;
        left.Length = diff;
        if (right.Right is not null) right.Right.Left = right;
        else if (right.ParentSub is not null && right.Parent is not null) right.Parent.Map[right.ParentSub] = right;
        return right;
    }
}
