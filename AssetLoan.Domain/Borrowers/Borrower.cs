using System.Linq.Expressions;

namespace AssetLoan.Domain.Borrowers;

/// <summary>
/// Who borrows: a staff member (linked to an account) or an outside borrower who applied without one.
/// The national ID is held encrypted (<see cref="NationalIdCipher"/>) with a keyed hash for look-ups; the domain never
/// sees the key.
/// </summary>
public sealed class Borrower
{
    public Borrower(BorrowerKind kind, string name, BorrowerContact contact)
    {
        Kind = kind;
        SetName(name);
        UpdateContact(contact);
    }

    private Borrower()
    {
    }

    public int Id { get; private set; }

    public BorrowerKind Kind { get; private set; }

    /// <summary>The person's full name, or the organisation's name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Organisations: the responsible person (ผู้รับผิดชอบ).</summary>
    public string? ContactPerson { get; private set; }

    public string? UserId { get; private set; }

    public int? DivisionId { get; private set; }

    public string? Position { get; private set; }

    public string? NationalIdCipher { get; private set; }

    public string? NationalIdLookup { get; private set; }

    /// <summary>Last three digits, enough for the masked form without decrypting.</summary>
    public string? NationalIdTail { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? HouseNumber { get; private set; }

    public string? Moo { get; private set; }

    public string? Subdistrict { get; private set; }

    public string? District { get; private set; }

    public string? Province { get; private set; }

    public DateTime? AnonymisedAtUtc { get; private set; }

    /// <summary>The LINE account linked by a one-time code (personal data: shown masked, removed by retention).</summary>
    public string? LineUserId { get; private set; }

    public ContactChannel PreferredChannel { get; private set; } = ContactChannel.Email;

    /// <summary>Links a LINE account (the person sent their one-time code from it) and makes LINE their channel.</summary>
    public void LinkLine(string lineUserId)
    {
        DomainRuleException.ThrowIf(!ContactChannels.IsLineUserId(lineUserId), "Borrower.LineUserIdInvalid", "Not a LINE user id.");
        DomainRuleException.ThrowIf(AnonymisedAtUtc is not null, "Borrower.Anonymised", "The borrower's personal data was removed.");
        LineUserId = lineUserId;
        PreferredChannel = ContactChannel.Line;
    }

    public void UnlinkLine()
    {
        LineUserId = null;
        if (PreferredChannel == ContactChannel.Line)
        {
            PreferredChannel = ContactChannel.Email;
        }
    }

    public void Prefer(ContactChannel channel) => PreferredChannel = channel;

    public static Borrower ForStaff(string userId, string fullName, int? divisionId, string? position, string? phone, string? email)
    {
        var b = new Borrower(BorrowerKind.Staff, fullName, new BorrowerContact(phone, email, null, null, null, null, null))
        {
            UserId = userId,
            DivisionId = divisionId,
            Position = position,
        };
        return b;
    }

    public void SetName(string name)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(name), "Borrower.NameRequired", "The borrower needs a name.");
        Name = name.Trim();
    }

    public void SetContactPerson(string? person) => ContactPerson = string.IsNullOrWhiteSpace(person) ? null : person.Trim();

    public void UpdateContact(BorrowerContact c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Phone = Clean(c.Phone);
        Email = Clean(c.Email);
        HouseNumber = Clean(c.HouseNumber);
        Moo = Clean(c.Moo);
        Subdistrict = Clean(c.Subdistrict);
        District = Clean(c.District);
        Province = Clean(c.Province);
    }

    public void UpdateStaffProfile(string fullName, int? divisionId, string? position)
    {
        SetName(fullName);
        DivisionId = divisionId;
        Position = Clean(position);
    }

    /// <summary>Stores the encrypted ID, its keyed look-up hash and its tail (from the normalized 13 digits).</summary>
    public void SetNationalId(string cipher, string lookup, string normalized)
    {
        DomainRuleException.ThrowIf(Kind != BorrowerKind.Person, "Borrower.NationalIdForPersonsOnly", "Only a person has a national ID.");
        NationalIdCipher = cipher;
        NationalIdLookup = lookup;
        NationalIdTail = normalized[^3..];
    }

    /// <summary>
    /// The record of the same outside borrower as <paramref name="applicant"/>. Outsiders have no account, so identity
    /// is matched (docs/decisions/0005): a person by national ID (the keyed look-up hash), an organisation by exact
    /// name and phone. Each outsider has one record, reused on every application; staff are their own single record.
    /// An expression so the database can answer it.
    /// </summary>
    public static Expression<Func<Borrower, bool>> SameOutsiderAs(Borrower applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var lookup = applicant.NationalIdLookup;
        var name = applicant.Name;
        var phone = applicant.Phone;
        if (applicant.Kind == BorrowerKind.Person && lookup is not null)
        {
            return b => b.Kind == BorrowerKind.Person && b.NationalIdLookup == lookup;
        }

        if (applicant.Kind.IsOrganisation() && phone is not null)
        {
            return b => b.Kind != BorrowerKind.Staff && b.Kind != BorrowerKind.Person && b.Name == name && b.Phone == phone;
        }

        return b => false;
    }

    /// <summary>
    /// A repeat application by the same outsider (<see cref="SameOutsiderAs"/>) brings today's details to their one
    /// record: the name as written this time, the contact, and for an organisation the kind it picked.
    /// </summary>
    public void TakeDetailsFrom(Borrower applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        DomainRuleException.ThrowIf(Kind == BorrowerKind.Staff || !SameOutsiderAs(applicant).Compile()(this), "Borrower.NotSameOutsider",
            "Only the same outside borrower's record takes the details of a new application.");
        if (applicant.Kind.IsOrganisation())
        {
            Kind = applicant.Kind;
        }

        Name = applicant.Name;
        ContactPerson = applicant.ContactPerson;
        UpdateContact(new BorrowerContact(applicant.Phone, applicant.Email, applicant.HouseNumber, applicant.Moo, applicant.Subdistrict, applicant.District, applicant.Province));
    }

    public string MaskedNationalId => NationalIdTail is null ? "" : $"x-xxxx-xxxxx-{NationalIdTail[..2]}-{NationalIdTail[2]}";

    public string AddressLine => AddressLineOf(HouseNumber, Moo, Subdistrict, District, Province);

    /// <summary>The address on one line from its parts (what <see cref="AddressLine"/> answers; read models project the parts).</summary>
    public static string AddressLineOf(string? houseNumber, string? moo, string? subdistrict, string? district, string? province) =>
        string.Join(" ", new[]
        {
            houseNumber is null ? null : $"บ้านเลขที่ {houseNumber}",
            moo is null ? null : $"หมู่ {moo}",
            subdistrict is null ? null : $"ต.{subdistrict}",
            district is null ? null : $"อ.{district}",
            province is null ? null : $"จ.{province}",
        }.Where(p => p is not null));

    /// <summary>PDPA retention: personal fields are wiped; the kind and the loans stay for statistics.</summary>
    /// <summary>What replaces personal text after the retention period.</summary>
    public const string AnonymisedText = "(ลบข้อมูลส่วนบุคคลแล้ว)";

    public void Anonymise(DateTime nowUtc)
    {
        if (AnonymisedAtUtc is not null || Kind == BorrowerKind.Staff)
        {
            return;
        }

        Name = Kind.IsOrganisation() ? Name : AnonymisedText;
        ContactPerson = null;
        NationalIdCipher = null;
        NationalIdLookup = null;
        NationalIdTail = null;
        Phone = null;
        Email = null;
        HouseNumber = null;
        Moo = null;
        LineUserId = null;
        PreferredChannel = ContactChannel.None;
        AnonymisedAtUtc = nowUtc;
    }

    /// <summary>
    /// The second factor of the private tracking link: the number typed is the one on file, however it is written
    /// ("081 234 5678" = "0812345678" = "+66812345678"). Never true once the record is anonymised (no phone left).
    /// </summary>
    public bool PhoneMatches(string? typed) =>
        PhoneNumbers.Normalize(Phone) is { } onFile && PhoneNumbers.Normalize(typed) == onFile;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record BorrowerContact(
    string? Phone,
    string? Email,
    string? HouseNumber,
    string? Moo,
    string? Subdistrict,
    string? District,
    string? Province);

public static class PhoneNumbers
{
    /// <summary>Mobile 0[689]xxxxxxxx (10 digits) or landline 0[2-7]xxxxxxx (9 digits), from what a person types
    /// ("081 234 5678", "+66 81-234-5678"); null when it is neither.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = input.Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '.' or '+')))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.StartsWith('+') || (digits.StartsWith("66", StringComparison.Ordinal) && digits.Length is 10 or 11))
        {
            digits = digits.StartsWith("66", StringComparison.Ordinal) ? "0" + digits[2..] : "";
        }

        var mobile = digits.Length == 10 && digits[0] == '0' && digits[1] is '6' or '8' or '9';
        var landline = digits.Length == 9 && digits[0] == '0' && digits[1] is >= '2' and <= '7';
        return mobile || landline ? digits : null;
    }

    /// <summary>Printed registers show 08x-xxx-5678.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 4 ? "xxx" : $"{digits[..Math.Min(3, digits.Length - 4)]}x-xxx-{digits[^4..]}";
    }

    /// <summary>The loan register shows only the last four digits (xxx-xxx-5678), on screen and in its exports.</summary>
    public static string MaskToLastFour(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 4 ? "" : $"xxx-xxx-{digits[^4..]}";
    }
}
