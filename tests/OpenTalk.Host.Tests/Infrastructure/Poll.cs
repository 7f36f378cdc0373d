namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>Read models and the mail outbox follow the journal within moments: ask again until the answer is ready.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> ready, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var answer = await ask();
            if (ready(answer) || DateTime.UtcNow > deadline)
                return answer;
            await Task.Delay(200);
        }
    }
}
