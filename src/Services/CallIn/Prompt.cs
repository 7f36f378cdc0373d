namespace OpenTalk.Services.CallIn;

/// <summary>What the gateway says to callers.</summary>
public enum Prompt
{
    Welcome,
    EnterConferenceId,
    EnterPin,
    WrongEntry,
    TooManyAttempts,
    NoInput,
    Unavailable,
    WaitingRoom,
    Joined,
    Muted,
    Unmuted,
    HandRaised,
    HandLowered,
    MeetingEnded,
    Removed,
}

/// <summary>The prompts' words, in the languages the gateway speaks.</summary>
public static class PromptTexts
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "de"];

    public static string Of(Prompt prompt, string language) => language switch
    {
        "de" => German(prompt),
        _ => English(prompt),
    };

    private static string English(Prompt prompt) => prompt switch
    {
        Prompt.Welcome => "Welcome.",
        Prompt.EnterConferenceId => "Please enter the ten digit conference ID. Press the hash key to start again.",
        Prompt.EnterPin => "Please enter the ten digit PIN.",
        Prompt.WrongEntry => "The conference ID or the PIN is not correct.",
        Prompt.TooManyAttempts => "Sorry, that was not correct three times. Goodbye.",
        Prompt.NoInput => "No keys were pressed. Goodbye.",
        Prompt.Unavailable => "The meeting cannot be reached right now. Please call again later. Goodbye.",
        Prompt.WaitingRoom => "You are in the waiting room. Please wait until a moderator lets you in.",
        Prompt.Joined => "You are now in the meeting. Press star one to mute or unmute, star two to raise or lower your hand.",
        Prompt.Muted => "You are muted.",
        Prompt.Unmuted => "You are unmuted.",
        Prompt.HandRaised => "Your hand is raised.",
        Prompt.HandLowered => "Your hand is lowered.",
        Prompt.MeetingEnded => "The meeting has ended. Goodbye.",
        Prompt.Removed => "You were removed from the meeting. Goodbye.",
        _ => throw new ArgumentOutOfRangeException(nameof(prompt)),
    };

    private static string German(Prompt prompt) => prompt switch
    {
        Prompt.Welcome => "Willkommen.",
        Prompt.EnterConferenceId => "Bitte geben Sie die zehnstellige Konferenz-ID ein. Mit der Rautetaste beginnen Sie von vorn.",
        Prompt.EnterPin => "Bitte geben Sie die zehnstellige PIN ein.",
        Prompt.WrongEntry => "Die Konferenz-ID oder die PIN ist nicht richtig.",
        Prompt.TooManyAttempts => "Das war leider dreimal nicht richtig. Auf Wiederhören.",
        Prompt.NoInput => "Es wurde nichts eingegeben. Auf Wiederhören.",
        Prompt.Unavailable => "Die Besprechung ist gerade nicht erreichbar. Bitte rufen Sie später wieder an. Auf Wiederhören.",
        Prompt.WaitingRoom => "Sie sind im Warteraum. Bitte warten Sie, bis ein Moderator Sie hereinlässt.",
        Prompt.Joined => "Sie sind jetzt in der Besprechung. Stern eins schaltet Ihr Mikrofon stumm oder wieder an, Stern zwei hebt oder senkt Ihre Hand.",
        Prompt.Muted => "Ihr Mikrofon ist stumm.",
        Prompt.Unmuted => "Ihr Mikrofon ist an.",
        Prompt.HandRaised => "Ihre Hand ist gehoben.",
        Prompt.HandLowered => "Ihre Hand ist gesenkt.",
        Prompt.MeetingEnded => "Die Besprechung ist beendet. Auf Wiederhören.",
        Prompt.Removed => "Sie wurden aus der Besprechung entfernt. Auf Wiederhören.",
        _ => throw new ArgumentOutOfRangeException(nameof(prompt)),
    };
}
