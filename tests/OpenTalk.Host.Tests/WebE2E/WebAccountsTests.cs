using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// Accounts in the web app: an administrator adds a person, who signs in, changes their profile, signs out (and is
/// asked for the password again); the administrator disables the account and resets its password.
/// </summary>
public sealed class WebAccountsTests : WebTest
{
    [Fact]
    public async Task An_admin_adds_a_person_who_edits_their_profile_signs_out_for_real_and_is_refused_once_disabled()
    {
        await (await Stack.Node.AsAdminAsync()).CreateAccountAsync("ada", "password-ada", "Ada Admin", isAdmin: true);
        var violations = new List<string>();
        async Task CheckAccessibilityAsync(IPage page, string screen) =>
            violations.AddRange((await WebStack.AccessibilityViolationsAsync(page)).Select(v => $"{screen}: {v}"));

        // The administrator adds Ben in the people section; a second "ben" is refused in plain words.
        var ada = await Stack.OpenAsync();
        ada.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(ada, "ada");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        var people = ada.GetByRole(AriaRole.Region, new() { Name = "People" });
        await Expect(people.GetByRole(AriaRole.Cell, new() { Name = "Ada Admin", Exact = true })).ToBeVisibleAsync();
        async Task AddAsync(string userName)
        {
            await people.GetByLabel("User name").FillAsync(userName);
            await people.GetByLabel("Display name").FillAsync("Ben Becker");
            await people.GetByLabel("E-mail address (optional)").FillAsync("ben@example.org");
            await people.GetByLabel("Password", new() { Exact = true }).FillAsync("password-ben");
            await people.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        }
        await AddAsync("ben");
        await Expect(people.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ben Becker can sign in now.");
        await Expect(people.GetByRole(AriaRole.Cell, new() { Name = "ben@example.org" })).ToBeVisibleAsync();
        await AddAsync("ben");
        await Expect(people.GetByText("Enter a user name of at most 64 characters that nobody has yet.")).ToBeVisibleAsync();
        // Ben becomes an auditor (asked first); the record of administrators' actions shows both changes.
        await people.GetByRole(AriaRole.Button, new() { Name = "Make Ben Becker an auditor" }).ClickAsync();
        await Expect(people.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ben Becker is an auditor from their next sign-in.");
        await Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = "ben@example.org" }).GetByText("Auditor", new() { Exact = true })).ToBeVisibleAsync();
        var record = ada.GetByRole(AriaRole.Region, new() { Name = "Administrators' actions" });
        await Expect(record.GetByRole(AriaRole.Row).Filter(new() { HasText = "Changed an account (auditor role given)" }).GetByRole(AriaRole.Cell, new() { Name = "ben", Exact = true }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(record.GetByRole(AriaRole.Row).Filter(new() { HasText = "Added an account" }).GetByRole(AriaRole.Cell, new() { Name = "ben", Exact = true }))
            .ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(ada, "accounts-01-admin-people");
        await CheckAccessibilityAsync(ada, "people");

        // Ben signs in at the provider's form, in the app's look and language.
        var ben = await Stack.OpenAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Sign in to OpenTalk" })).ToBeVisibleAsync();
        await Expect(ben.GetByText("Forgot your password? Ask your administrator to reset it.")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(ben, "accounts-02-sign-in-en");
        await CheckAccessibilityAsync(ben, "sign-in en");
        await ben.GetByLabel("User name").FillAsync("ben");
        await ben.GetByLabel("Password").FillAsync("password-ben");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Your meetings" })).ToBeVisibleAsync();

        // His name in the header opens his profile; a new name and German show at once.
        await ben.GetByRole(AriaRole.Link, new() { Name = "Your profile (Ben Becker)" }).ClickAsync();
        var profile = ben.GetByRole(AriaRole.Form, new() { Name = "Your profile" });
        await profile.GetByLabel("Display name").FillAsync("Ben B.");
        await profile.GetByLabel("E-mail address (optional)").FillAsync("not an address");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(profile.GetByText("Enter one e-mail address such as name@example.org, or leave the field empty.")).ToBeVisibleAsync();
        await profile.GetByLabel("E-mail address (optional)").FillAsync("ben.b@example.org");
        await profile.GetByLabel("Language").SelectOptionAsync("de");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Status)).ToHaveTextAsync("Gespeichert.");
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Ihr Profil" })).ToBeVisibleAsync();
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Ihr Profil (Ben B.)" })).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(ben, "accounts-03-profile");
        await CheckAccessibilityAsync(ben, "profile");

        // Signing out ends the provider's session: "Anmelden" asks for the password again, in German.
        await ben.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Treffen, sprechen, entscheiden." })).ToBeVisibleAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Bei OpenTalk anmelden" })).ToBeVisibleAsync();
        await Expect(ben.GetByText("Passwort vergessen? Bitten Sie Ihre Administration, es zurückzusetzen.")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(ben, "accounts-04-sign-in-de");
        await CheckAccessibilityAsync(ben, "sign-in de");

        // The administrator disables Ben (after confirming); Ben's next sign-in is refused with a clear sentence.
        await ada.ReloadAsync();
        await people.GetByRole(AriaRole.Button, new() { Name = "Disable Ben B." }).ClickAsync();
        await Expect(people.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ben B. is disabled.");
        await ben.GetByLabel("Benutzername").FillAsync("ben");
        await ben.GetByLabel("Passwort").FillAsync("password-ben");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Dieses Konto ist deaktiviert und kann sich nicht anmelden. Wenden Sie sich an Ihre Administration, wenn Sie es wieder brauchen.");

        // Enabled again with a new password from the reset dialog: the old one is refused, the new one works.
        await people.GetByRole(AriaRole.Button, new() { Name = "Enable Ben B." }).ClickAsync();
        await Expect(people.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ben B. can sign in again.");
        await people.GetByRole(AriaRole.Button, new() { Name = "Reset password of Ben B." }).ClickAsync();
        var dialog = ada.GetByRole(AriaRole.Dialog, new() { Name = "Reset password of Ben B." });
        await dialog.GetByLabel("New password").FillAsync("short");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(dialog.GetByText("A password needs at least 8 characters.")).ToBeVisibleAsync();
        await WebStack.ScreenshotAsync(ada, "accounts-05-reset-password");
        await CheckAccessibilityAsync(ada, "reset password");
        await dialog.GetByLabel("New password").FillAsync("a-new-secret-for-ben");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(people.GetByRole(AriaRole.Status)).ToContainTextAsync("Ben B. has a new password.");
        await Expect(dialog).ToBeHiddenAsync();

        await ben.GetByLabel("Benutzername").FillAsync("ben");
        await ben.GetByLabel("Passwort").FillAsync("password-ben");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Benutzername oder Passwort ist falsch.");
        await ben.GetByLabel("Benutzername").FillAsync("ben");
        await ben.GetByLabel("Passwort").FillAsync("a-new-secret-for-ben");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Ihre Besprechungen" })).ToBeVisibleAsync();
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Ihr Profil (Ben B.)" })).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
