namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// Browser media tests run one after the other, not beside the rest of the suite: Chromium adapts what it sends to the
/// CPU it gets (simulcast layers especially), and three browsers already use most of two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserMediaCollection
{
    public const string Name = "Browser media";
}
