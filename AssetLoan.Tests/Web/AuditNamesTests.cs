using AssetLoan.Web.Vocabulary;

namespace AssetLoan.Tests.Web;

/// <summary>The audit log speaks Thai: field names and the coded values an auditor reads most.</summary>
public sealed class AuditNamesTests
{
    [Theory]
    [InlineData("Loan", "Status", "Approved", "อนุมัติแล้ว")]
    [InlineData("Loan", "ToStatus", "HandedOver", "ส่งมอบแล้ว (ระหว่างยืม)")]
    [InlineData("Loan", "Case", "OffPremises", "ยืมไปใช้นอกสถานที่")]
    [InlineData("Borrower", "Kind", "Temple", "วัด/ศาสนสถาน")]
    [InlineData("Loan", "KeyedInByOfficer", "true", "ใช่")]
    [InlineData("Loan", "OffPremises", "false", "ไม่ใช่")]
    [InlineData("Loan", "Purpose", "Approved", "Approved")]
    [InlineData("Loan", "Status", "NotAStatus", "NotAStatus")]
    public void Value_CodedValues_AreThai(string entity, string property, string stored, string shown) =>
        Assert.Equal(shown, AuditNames.Value(entity, property, stored));

    [Fact]
    public void Value_Null_StaysNull() => Assert.Null(AuditNames.Value("Loan", "Status", null));

    [Theory]
    [InlineData("DueOn", "กำหนดส่งคืน")]
    [InlineData("AssetNumber", "หมายเลขครุภัณฑ์")]
    [InlineData("SomethingNew", "SomethingNew")]
    public void Field_KnownAndUnknown(string property, string shown) => Assert.Equal(shown, AuditNames.Field(property));
}
