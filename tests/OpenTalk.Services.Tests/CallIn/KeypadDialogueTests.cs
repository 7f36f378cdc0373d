using OpenTalk.Services.CallIn;

namespace OpenTalk.Services.Tests.CallIn;

public sealed class KeypadDialogueTests
{
    private static KeypadStep Keys(KeypadDialogue dialogue, string keys)
    {
        var last = KeypadStep.Nothing;
        foreach (var key in keys)
            last = dialogue.Press(key);
        return last;
    }

    [Fact]
    public void The_conference_id_then_the_pin_are_checked_once_both_have_ten_digits()
    {
        var dialogue = new KeypadDialogue();
        Assert.Equal([Prompt.Welcome, Prompt.EnterConferenceId], KeypadDialogue.Start().Play);

        Assert.Equal(KeypadStep.Nothing, Keys(dialogue, "123456789"));
        Assert.Equal([Prompt.EnterPin], dialogue.Press('0').Play);
        var check = Keys(dialogue, "98765*A43210");
        Assert.Equal(("1234567890", "9876543210"), check.Check);
        Assert.Empty(check.Play);
        // While the node checks, keys count for nothing.
        Assert.Equal(KeypadStep.Nothing, dialogue.Press('5'));
        dialogue.Accepted();
        Assert.Equal(KeypadStep.Nothing, Keys(dialogue, "#1234567890"));
    }

    [Fact]
    public void Hash_starts_the_entry_again_from_the_conference_id()
    {
        var dialogue = new KeypadDialogue();
        Keys(dialogue, "1234567890" + "555");
        Assert.Equal([Prompt.EnterConferenceId], dialogue.Press('#').Play);
        Assert.Equal([Prompt.EnterPin], Keys(dialogue, "1111111111").Play);
        Assert.Equal(("1111111111", "2222222222"), Keys(dialogue, "2222222222").Check);
    }

    [Fact]
    public void The_third_refused_pair_ends_the_call_politely()
    {
        var dialogue = new KeypadDialogue();
        for (var attempt = 1; attempt <= KeypadDialogue.Attempts; attempt++)
        {
            Assert.NotNull(Keys(dialogue, "12345678909999999999").Check);
            var refused = dialogue.Refused();
            var last = attempt == KeypadDialogue.Attempts;
            Assert.Equal(last ? [Prompt.TooManyAttempts] : [Prompt.WrongEntry, Prompt.EnterConferenceId], refused.Play);
            Assert.Equal(last, refused.HangUp);
        }
        Assert.Equal(KeypadStep.Nothing, Keys(dialogue, "1234567890"));
    }

    [Fact]
    public void Silence_repeats_the_prompt_and_the_third_ends_the_call()
    {
        var dialogue = new KeypadDialogue();
        Assert.Equal([Prompt.EnterConferenceId], dialogue.Silence().Play);
        Keys(dialogue, "1234567890"); // a key resets the count
        Assert.Equal([Prompt.EnterPin], dialogue.Silence().Play);
        Assert.Equal([Prompt.EnterPin], dialogue.Silence().Play);
        var last = dialogue.Silence();
        Assert.True(last.HangUp);
        Assert.Equal([Prompt.NoInput], last.Play);
    }
}
