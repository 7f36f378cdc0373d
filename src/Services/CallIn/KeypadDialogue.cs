namespace OpenTalk.Services.CallIn;

/// <summary>What the gateway does after a key or a silence: prompts to play, the pair to check, or hang up.</summary>
public sealed record KeypadStep(IReadOnlyList<Prompt> Play, (string ConferenceId, string Pin)? Check = null, bool HangUp = false)
{
    public static readonly KeypadStep Nothing = new([]);
}

/// <summary>
/// The caller keys in the room's conference id, then its PIN (10 digits each): each is complete at its tenth digit,
/// <c>#</c> starts the entry again from the conference id, other keys are ignored. A pair the node refuses is asked
/// for again; the third refusal, or a caller who keeps silent through three prompts, ends the call politely. Pure:
/// the call feeds it keys and answers and plays what it says.
/// </summary>
public sealed class KeypadDialogue
{
    public const int Digits = 10;
    public const int Attempts = 3;
    public const int SilencesBeforeHangUp = 3;

    private enum Phase { ConferenceId, Pin, Checking, Done }

    private Phase _phase = Phase.ConferenceId;
    private string _entry = "";
    private string _conferenceId = "";
    private int _refusals;
    private int _silences;

    public static KeypadStep Start() => new([Prompt.Welcome, Prompt.EnterConferenceId]);

    public KeypadStep Press(char key)
    {
        if (_phase is Phase.Checking or Phase.Done)
            return KeypadStep.Nothing;
        _silences = 0;
        if (key == '#')
        {
            (_phase, _entry, _conferenceId) = (Phase.ConferenceId, "", "");
            return new([Prompt.EnterConferenceId]);
        }
        if (!char.IsAsciiDigit(key))
            return KeypadStep.Nothing;
        _entry += key;
        if (_entry.Length < Digits)
            return KeypadStep.Nothing;
        if (_phase == Phase.ConferenceId)
        {
            (_conferenceId, _entry, _phase) = (_entry, "", Phase.Pin);
            return new([Prompt.EnterPin]);
        }
        var pin = _entry;
        (_entry, _phase) = ("", Phase.Checking);
        return new([], Check: (_conferenceId, pin));
    }

    /// <summary>The node took the pair: the call goes into the meeting.</summary>
    public void Accepted() => _phase = Phase.Done;

    /// <summary>The node refused the pair (wrong, or held off after too many wrong PINs).</summary>
    public KeypadStep Refused()
    {
        if (_phase != Phase.Checking)
            return KeypadStep.Nothing;
        if (++_refusals >= Attempts)
        {
            _phase = Phase.Done;
            return new([Prompt.TooManyAttempts], HangUp: true);
        }
        (_phase, _conferenceId) = (Phase.ConferenceId, "");
        return new([Prompt.WrongEntry, Prompt.EnterConferenceId]);
    }

    /// <summary>Nothing was keyed for a while after the last prompt: it is said again, and after three times the call ends.</summary>
    public KeypadStep Silence()
    {
        if (_phase is Phase.Checking or Phase.Done)
            return KeypadStep.Nothing;
        if (++_silences >= SilencesBeforeHangUp)
        {
            _phase = Phase.Done;
            return new([Prompt.NoInput], HangUp: true);
        }
        return new([_phase == Phase.ConferenceId ? Prompt.EnterConferenceId : Prompt.EnterPin]);
    }
}
