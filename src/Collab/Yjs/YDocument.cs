namespace OpenTalk.Collab.Yjs;

/// <summary>
/// A read-only Yjs document built from one update: the structs integrated as Yjs integrates them
/// (YATA), then the delete set applied. Structs whose dependencies the update lacks are left out.
/// </summary>
public sealed partial class YDocument
{
    private readonly StructStore _store = new();
    private readonly Dictionary<string, YType> _roots = [];

    private YDocument() { }

    public static YDocument FromUpdate(byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var decoded = DecodedUpdate.Read(update);
        var doc = new YDocument();
        doc.IntegrateAll(decoded.Clients);
        foreach (var (client, ranges) in decoded.DeleteSet.Clients)
        {
            foreach (var range in ranges) doc._store.Delete(client, range, Delete);
        }
        return doc;
    }

    private YType Root(string name)
    {
        if (!_roots.TryGetValue(name, out var type)) _roots[name] = type = new YType(null);
        return type;
    }

    /// <summary>
    /// Yjs's order: clients from the highest id down, and when a struct needs another client's
    /// struct first, that client's structs are taken up until it can go in. A client that cannot
    /// continue is dropped with everything waiting on it.
    /// </summary>
    private void IntegrateAll(List<ClientStructs> sections)
    {
        var queues = new Dictionary<long, Queue>();
        foreach (var section in sections) queues[section.Client] = new Queue(section.Structs);
        var order = queues.Keys.Order().ToList();
        var stack = new Stack<Struct>();

        Queue? NextQueue()
        {
            for (; order.Count > 0; order.RemoveAt(order.Count - 1))
            {
                var queue = queues[order[^1]];
                if (queue.HasMore) return queue;
            }
            return null;
        }

        void DropStack()
        {
            foreach (var s in stack)
            {
                if (queues.Remove(s.Id.Client, out var queue)) queue.Clear();
                order.Remove(s.Id.Client);
            }
            stack.Clear();
        }

        var current = NextQueue();
        if (current is null) return;
        var head = current.Take();
        while (true)
        {
            if (head is not Skip)
            {
                var offset = _store.State(head.Id.Client) - head.Id.Clock;
                if (offset < 0)
                {
                    stack.Push(head);
                    DropStack();
                }
                else if (Missing(head) is { } missing)
                {
                    stack.Push(head);
                    if (queues.TryGetValue(missing, out var queue) && queue.HasMore)
                    {
                        head = queue.Take();
                        continue;
                    }
                    DropStack();
                }
                else if (offset < head.Length)
                {
                    Integrate(head, offset);
                }
            }
            if (stack.Count > 0) head = stack.Pop();
            else if (current is not null && current.HasMore) head = current.Take();
            else if ((current = NextQueue()) is not null) head = current.Take();
            else break;
        }
    }

    /// <summary>The client whose struct this one refers to but the store does not have yet.</summary>
    private long? Missing(Struct s)
    {
        if (s is not Item item) return null;
        bool Lacks(YId? id) => id is { } i && i.Client != item.Id.Client && i.Clock >= _store.State(i.Client);
        if (Lacks(item.Origin)) return item.Origin!.Value.Client;
        if (Lacks(item.RightOrigin)) return item.RightOrigin!.Value.Client;
        if (item.ParentRef is YId parent && Lacks(parent)) return parent.Client;
        return null;
    }

    private void Integrate(Struct s, long offset)
    {
        if (s is not Item item)
        {
            _store.Add(new Gc(s.Id with { Clock = s.Id.Clock + offset }, s.Length - offset));
            return;
        }
        var left = item.Origin is { } origin ? _store.FindCleanEnd(origin) : null;
        var right = item.RightOrigin is { } rightOrigin ? _store.FindCleanStart(rightOrigin) : null;
        var parent = ResolveParent(item, left, right);
        if (offset > 0)
        {
            item.Id = item.Id with { Clock = item.Id.Clock + offset };
            left = _store.FindCleanEnd(item.Id with { Clock = item.Id.Clock - 1 });
            item.Content = item.Content.Splice(offset);
            item.Length -= offset;
        }
        if (parent is null || left is Gc || right is Gc)
        {
            // Nothing to attach to any more: what is left of the item is a tombstone.
            _store.Add(new Gc(item.Id, item.Length));
            return;
        }
        item.Origin = (left as Item)?.LastId;
        item.RightOrigin = right?.Id;
        item.Parent = parent;
        Place(item, (Item?)left, (Item?)right);
        _store.Add(item);
        switch (item.Content)
        {
            case TypeContent type: type.Type = new YType(item); break;
            case DeletedContent: item.Deleted = true; break;
        }
        if (parent.IsDeleted || (item.ParentSub is not null && item.Right is not null)) Delete(item);
    }

    private YType? ResolveParent(Item item, Struct? left, Struct? right)
    {
        if (left is Gc || right is Gc) return null;
        switch (item.ParentRef)
        {
            case string name: return Root(name);
            case YId id: return _store.Find(id) is Item { Content: TypeContent content } ? content.Type : null;
        }
        var neighbour = left as Item ?? right as Item;
        if (neighbour is null) return null;
        item.ParentSub = neighbour.ParentSub;
        return neighbour.Parent;
    }

    /// <summary>Deletes an item and, for a shared type, everything in it (without recursion: nesting comes from the input).</summary>
    private static void Delete(Item start)
    {
        var work = new Stack<Item>();
        work.Push(start);
        while (work.TryPop(out var item))
        {
            if (item.Deleted) continue;
            item.Deleted = true;
            if (item.Content is not TypeContent { Type: { } type }) continue;
            for (var child = type.Start; child is not null; child = child.Right) work.Push(child);
            foreach (var entry in type.Map.Values) work.Push(entry);
        }
    }

    private sealed class Queue(List<Struct> structs)
    {
        private List<Struct> _structs = structs;
        private int _next;

        public bool HasMore => _next < _structs.Count;

        public Struct Take() => _structs[_next++];

        public void Clear()
        {
            _structs = [];
            _next = 0;
        }
    }
}
