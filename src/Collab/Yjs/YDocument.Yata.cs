namespace OpenTalk.Collab.Yjs;

public sealed partial class YDocument
{
    /// <summary>
    /// Links a new item into its parent between its origins. When other items already sit there,
    /// YATA orders the concurrent inserts: the lower client id goes left, and an item stays right
    /// of everything inserted after its origin's neighbours, so every peer ends up with one order.
    /// </summary>
    private void Place(Item item, Item? left, Item? right)
    {
        var parent = item.Parent!;
        if ((left is null && (right is null || right.Left is not null)) || (left is not null && left.Right != right))
        {
            var o = left is not null ? left.Right
                : item.ParentSub is not null ? First(parent.Map.GetValueOrDefault(item.ParentSub))
                : parent.Start;
            var conflicting = new HashSet<Struct>();
            var beforeOrigin = new HashSet<Struct>();
            while (o is not null && o != right)
            {
                beforeOrigin.Add(o);
                conflicting.Add(o);
                if (item.Origin == o.Origin)
                {
                    if (o.Id.Client < item.Id.Client)
                    {
                        left = o;
                        conflicting.Clear();
                    }
                    else if (item.RightOrigin == o.RightOrigin)
                    {
                        break;
                    }
                }
                else if (o.Origin is { } oOrigin && beforeOrigin.Contains(_store.Find(oOrigin)))
                {
                    if (!conflicting.Contains(_store.Find(oOrigin)))
                    {
                        left = o;
                        conflicting.Clear();
                    }
                }
                else
                {
                    break;
                }
                o = o.Right;
            }
        }

        if (left is not null)
        {
            item.Right = left.Right;
            left.Right = item;
        }
        else if (item.ParentSub is not null)
        {
            item.Right = First(parent.Map.GetValueOrDefault(item.ParentSub));
        }
        else
        {
            item.Right = parent.Start;
            parent.Start = item;
        }
        item.Left = left;
        if (item.Right is not null)
        {
            item.Right.Left = item;
        }
        else if (item.ParentSub is not null)
        {
            // The rightmost item of a key is its value; the one it replaces is deleted.
            parent.Map[item.ParentSub] = item;
            if (left is not null) Delete(left);
        }
    }

    private static Item? First(Item? item)
    {
        while (item?.Left is not null) item = item.Left;
        return item;
    }
}
