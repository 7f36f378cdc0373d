// The media tests encode video in real time on a shared machine: one at a time keeps them on time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
