using Microsoft.AspNetCore.Identity;

namespace AssetLoan.Web.Identity;

public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string? Position { get; set; }

    public int? DivisionId { get; set; }

    /// <summary>Approves as a delegate of the head of the agency (e.g. ปลัดเทศบาล) under a written order.</summary>
    public string? DelegationOrder { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Set when an admin typed the password: the user must choose their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The LINE account the user linked on their profile (personal data: shown masked).</summary>
    public string? LineUserId { get; set; }

    /// <summary>How the user's own loan notices reach them besides the in-app list.</summary>
    public AssetLoan.Domain.Borrowers.ContactChannel PreferredChannel { get; set; } = AssetLoan.Domain.Borrowers.ContactChannel.Email;
}
