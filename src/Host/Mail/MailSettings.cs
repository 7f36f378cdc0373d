using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Mail;

/// <summary>Invitation mail (section <c>Mail</c>). Without <see cref="SmtpHost"/> mails are written to the outbox folder.</summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary><c>none</c>, <c>starttls</c> (when offered) or <c>tls</c> (implicit, port 465).</summary>
    [RegularExpression("^(none|starttls|tls)$")]
    public string SmtpSecurity { get; set; } = "starttls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    [Required]
    public string From { get; set; } = "OpenTalk <no-reply@localhost>";

    /// <summary>Where mails go as <c>.eml</c> files when no SMTP server is set (default: <c>outbox</c> in the data folder).</summary>
    public string? OutboxFolder { get; set; }

    /// <summary>The address people open in a browser; links in mails start with it.</summary>
    [Required]
    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The phone number people dial for call-in (shown with the conference id and PIN), if any.</summary>
    public string? CallInNumber { get; set; }

    /// <summary>Language for recipients whose language is unknown: <c>en</c> or <c>de</c>.</summary>
    [RegularExpression("^(en|de)$")]
    public string DefaultLanguage { get; set; } = "en";

    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Attempts per mail before it is given up (with growing pauses in between).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;
}
