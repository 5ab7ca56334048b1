using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages;

/// <summary>Thai pages for 403, 404, 429 and other status codes without a body.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> s) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            404 => (s["ไม่พบหน้าที่ต้องการ"].Value, s["ลิงก์อาจไม่ถูกต้อง หรือข้อมูลถูกย้ายไปแล้ว"].Value),
            403 => (s["ไม่มีสิทธิ์เข้าถึง"].Value, s["บทบาทของท่านไม่มีสิทธิ์ใช้หน้านี้"].Value),
            429 => (s["มีการส่งคำขอถี่เกินไป"].Value, s["กรุณารอสักครู่แล้วลองใหม่ ข้อมูลที่กรอกไว้ยังไม่ถูกส่ง"].Value),
            400 => (s["คำขอไม่ถูกต้อง"].Value, s["แบบฟอร์มอาจหมดอายุ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง"].Value),
            _ => (s["เกิดข้อผิดพลาด"].Value, s["กรุณาลองใหม่อีกครั้ง"].Value),
        };
    }
}
