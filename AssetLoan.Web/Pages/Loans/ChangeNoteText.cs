using AssetLoan.Domain.Loans;
using AssetLoan.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Loans;

/// <summary>
/// A resubmission's "what changed" note on screen: as written (Thai) on a Thai screen; in English, its parts said again
/// with English dates and words (item names and units are the catalogue's own, as everywhere else).
/// </summary>
public static class ChangeNoteText
{
    public static string? Say(string? note, IStringLocalizer s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (note is null || Display.IsThai)
        {
            return note;
        }

        return string.Join("; ", RequestChangeNote.Read(note).Select(change => change switch
        {
            RequestChange.Quantity q => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{q.Item} {q.From} → {q.To} {q.Unit}"),
            RequestChange.Dates d => s["วันที่ {0} – {1} → {2} – {3}", Display.Date(d.FromStart), Display.Date(d.FromDue), Display.Date(d.ToStart), Display.Date(d.ToDue)].Value,
            RequestChange.Purpose => s[RequestChangeNote.PurposeChanged].Value,
            RequestChange.Place => s[RequestChangeNote.PlaceChanged].Value,
            RequestChange.Other o => o.Text,
            _ => "",
        }));
    }
}
