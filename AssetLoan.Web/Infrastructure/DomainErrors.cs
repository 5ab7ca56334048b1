using AssetLoan.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// Thai messages for the domain's stable rule codes. English comes from the shared resource (key = the Thai text);
/// an unknown code falls back to the domain's own English message so nothing is ever shown blank.
/// </summary>
public static class DomainErrors
{
    private static readonly Dictionary<string, string> Thai = new()
    {
        ["Asset.AlreadyRetired"] = "ครุภัณฑ์นี้จำหน่ายออกแล้ว",
        ["Asset.NotAvailable"] = "ครุภัณฑ์นี้ไม่อยู่ในสถานะพร้อมส่งมอบ",
        ["Asset.NumberInvalid"] = "หมายเลขครุภัณฑ์มีอักขระที่ใช้ไม่ได้",
        ["Asset.NumberRequired"] = "กรุณากรอกหมายเลขครุภัณฑ์",
        ["Asset.NumberTooLong"] = "หมายเลขครุภัณฑ์ยาวเกิน 60 ตัวอักษร",
        ["Asset.NumberTaken"] = "หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว",
        ["Asset.OnLoanByLoanOnly"] = "สถานะ \"ถูกยืม\" เปลี่ยนได้ด้วยการส่งมอบหรือรับคืนเท่านั้น",
        ["Asset.PriceNegative"] = "ราคาต้องไม่ติดลบ",
        ["Asset.RetireOnLoan"] = "ครุภัณฑ์ที่ถูกยืมอยู่จำหน่ายออกไม่ได้",
        ["Asset.RetireReasonRequired"] = "กรุณาระบุเหตุผลการจำหน่าย",
        ["Asset.Retired"] = "ครุภัณฑ์นี้จำหน่ายออกแล้ว เปลี่ยนสถานะไม่ได้",
        ["Borrower.NameRequired"] = "กรุณากรอกชื่อผู้ยืม",
        ["Borrower.NationalIdForPersonsOnly"] = "เลขประจำตัวประชาชนใช้กับบุคคลธรรมดาเท่านั้น",
        ["Catalogue.AudienceRequired"] = "กรุณาเลือกผู้มีสิทธิ์ยืมอย่างน้อยหนึ่งกลุ่ม",
        ["Catalogue.MaxLoanDaysRange"] = "จำนวนวันยืมสูงสุดต้องอยู่ระหว่าง 1–365 วัน",
        ["Catalogue.NameRequired"] = "กรุณากรอกชื่อรายการ",
        ["Catalogue.NotPooled"] = "รายการนี้ไม่ได้นับเป็นจำนวนรวม",
        ["Catalogue.PoolBelowUnderRepair"] = "จำนวนที่มีต้องไม่น้อยกว่าจำนวนที่ชำรุดรอซ่อม",
        ["Catalogue.PoolNegative"] = "จำนวนคงเหลือต้องไม่ติดลบ",
        ["Catalogue.PoolBelowLots"] = "จำนวนที่มีต้องไม่น้อยกว่าจำนวนรวมของล็อตที่บันทึกไว้ (แก้ไขหรือลบล็อตก่อน)",
        ["Catalogue.LotQuantityMin"] = "จำนวนในล็อตต้องอย่างน้อย 1",
        ["Catalogue.LotPriceNegative"] = "ราคาต่อหน่วยต้องไม่ติดลบ",
        ["Catalogue.LotInFuture"] = "วันที่ได้มาต้องไม่เกินวันนี้",
        ["Catalogue.LotsOverPool"] = "จำนวนรวมของทุกล็อตต้องไม่เกินจำนวนที่มีของรายการนี้",
        ["Catalogue.LotUnknown"] = "ไม่พบล็อตนี้ในรายการ",
        ["Catalogue.PoolRepairOverUnderRepair"] = "จำนวนเกินจำนวนที่ชำรุดรอซ่อมอยู่",
        ["Catalogue.PoolRepairQuantityMin"] = "จำนวนต้องอย่างน้อย 1",
        ["Catalogue.PriceNegative"] = "ราคาต่อหน่วยต้องไม่ติดลบ",
        ["Catalogue.SalvageNegative"] = "มูลค่าซากต้องไม่ติดลบ",
        ["Catalogue.UnitRequired"] = "กรุณากรอกหน่วยนับ",
        ["Catalogue.UsefulLifeRange"] = "อายุการใช้งานต้องอยู่ระหว่าง 0–100 ปี",
        ["Category.CodeRequired"] = "กรุณากรอกรหัสประเภท",
        ["Category.NameRequired"] = "กรุณากรอกชื่อประเภท",
        ["Compensation.AlreadyConfirmed"] = "กรณีนี้ได้รับการยืนยันแล้ว แก้ไขไม่ได้",
        ["Compensation.AmountNegative"] = "จำนวนเงินต้องไม่ติดลบ",
        ["Compensation.AmountRequired"] = "การชดใช้เป็นเงินต้องระบุจำนวนเงิน",
        ["Compensation.AmountMismatch"] = "จำนวนเงินที่รับต้องเท่ากับจำนวนที่ผู้อำนวยการกองคลังยืนยัน",
        ["Compensation.BasisRequired"] = "จำนวนเงินต่างจากมูลค่าที่เสนอ ต้องระบุหลักเกณฑ์เป็นลายลักษณ์อักษร",
        ["Compensation.ValueUnknownBasisRequired"] = "ทะเบียนไม่มีข้อมูลพอคำนวณมูลค่าในขณะยืม ต้องระบุหลักเกณฑ์ของจำนวนเงินเป็นลายลักษณ์อักษร",
        ["Compensation.ConfirmerIsDecider"] = "ผู้ที่เสนอวิธีชดใช้กรณีนี้ไม่สามารถเป็นผู้ยืนยันเองได้",
        ["Compensation.DirectorOnly"] = "ผู้อำนวยการกองคลังเท่านั้นที่ยืนยันการชดใช้ได้",
        ["Compensation.NotConfirmed"] = "ผู้อำนวยการกองคลังยังไม่ได้ยืนยันกรณีนี้",
        ["Compensation.NotDecided"] = "เจ้าหน้าที่พัสดุยังไม่ได้เสนอวิธีชดใช้",
        ["Compensation.OfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่เสนอวิธีชดใช้ได้",
        ["Compensation.NotSettled"] = "กรณีนี้ยังไม่ได้บันทึกการชดใช้",
        ["Compensation.ReceiptRequired"] = "การชดใช้เป็นเงินต้องระบุเลขที่ใบเสร็จรับเงิน",
        ["Compensation.ReceivedAmountRequired"] = "การชดใช้เป็นเงินต้องระบุจำนวนเงินที่รับ",
        ["Compensation.ReplacementNumberRequired"] = "กรุณากรอกหมายเลขครุภัณฑ์ของชิ้นที่ได้รับชดใช้",
        ["Compensation.SettledInFuture"] = "วันที่ชดใช้ต้องไม่เกินวันนี้",
        ["Compensation.Unknown"] = "ไม่พบกรณีชดใช้นี้ในรายการยืม",
        ["Division.CodeRequired"] = "กรุณากรอกรหัสหน่วยงาน",
        ["Division.NameRequired"] = "กรุณากรอกชื่อหน่วยงาน",
        ["Loan.AgencyCase"] = "หน่วยงานของรัฐต้องยืมในกรณีระหว่างหน่วยงานของรัฐ",
        ["Loan.ApproverIsRequester"] = "ผู้ขอยืมไม่สามารถอนุมัติคำขอของตนเองได้",
        ["Loan.ApproverRoleMismatch"] = "คำขอกรณีนี้ต้องอนุมัติโดยผู้มีอำนาจตามระเบียบ ไม่ใช่บทบาทของท่าน",
        ["Loan.CaseNeedsAgency"] = "กรณียืมระหว่างหน่วยงานของรัฐใช้ได้กับหน่วยงานของรัฐเท่านั้น",
        ["Loan.CheckOfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่ตรวจสอบคำขอได้",
        ["Loan.ConsumableCase"] = "คำขอยืมพัสดุใช้สิ้นเปลืองต้องเป็นกรณียืมพัสดุใช้สิ้นเปลืองระหว่างหน่วยงานของรัฐ และคำขออื่นใช้กรณีนี้ไม่ได้",
        ["Loan.ConsumableOnlyToAgencies"] = "พัสดุประเภทใช้สิ้นเปลืองให้ยืมได้เฉพาะหน่วยงานของรัฐเท่านั้น",
        ["Loan.DelegationOrderRequired"] = "ผู้รับมอบอำนาจต้องระบุเลขที่คำสั่งมอบอำนาจ",
        ["Loan.LetterNumberRequired"] = "กรุณากรอกเลขที่หนังสือ",
        ["Loan.LetterNumberUsed"] = "เลขที่หนังสือนี้ออกให้รายการยืมนี้แล้ว",
        ["Loan.DemandDate"] = "วันที่ทวงถามต้องอยู่หลังวันครบกำหนดและไม่เกินวันนี้",
        ["Loan.DemandOfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่บันทึกการทวงถามได้",
        ["Loan.DueBeforeStart"] = "วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม",
        ["Loan.DuplicateItem"] = "เลือกรายการซ้ำ กรุณาแก้จำนวนในรายการเดิมแทน",
        ["Loan.EndorsementNotNeeded"] = "คำขอนี้หัวหน้าหน่วยงานของผู้ยืมเป็นผู้ยื่นเอง จึงไม่ต้องให้ความเห็นชอบอีก และส่งให้เจ้าหน้าที่พัสดุตรวจสอบได้ทันที",
        ["Loan.EndorsementStaffOnly"] = "เฉพาะคำขอของบุคลากรภายในที่ต้องให้หัวหน้าหน่วยงานเห็นชอบ",
        ["Loan.EndorserIsRequester"] = "ไม่สามารถเห็นชอบคำขอของตนเองได้",
        ["Loan.EndorserNotHead"] = "หัวหน้าหน่วยงานเท่านั้นที่ให้ความเห็นชอบได้",
        ["Loan.EndorserOtherDivision"] = "หัวหน้าหน่วยงานเห็นชอบได้เฉพาะคำขอของบุคลากรในหน่วยงานของตน",
        ["Loan.ExtensionAfterDue"] = "ต้องขอขยายเวลาก่อนวันครบกำหนดส่งคืน",
        ["Loan.ExtensionConflict"] = "ช่วงวันที่ขอขยายมีผู้อื่นจองพัสดุไว้แล้ว ตามคำขอเลขที่",
        ["Loan.ExtensionTooLong"] = "ขยายเวลาแล้วเกินจำนวนวันยืมสูงสุดของรายการ หากจำเป็นให้ผู้อนุมัติระบุเหตุผลที่ยืมเกินกำหนด",
        ["Loan.NotOnShelf"] = "พัสดุในคลังไม่พอส่งมอบตามที่อนุมัติ เนื่องจากมีพัสดุที่ยืมไปยังไม่คืนหรือจำนวนในคลังลดลง",
        ["Loan.SubstituteHeld"] = "ครุภัณฑ์ที่นำมาแทนถูกจองหรือยืมไว้สำหรับคำขออื่นในช่วงเวลานี้",
        ["Loan.ReservedUnitHeld"] = "ครุภัณฑ์ที่จองไว้ถูกจองหรือยืมไว้สำหรับคำขออื่นก่อนวันเริ่มยืมของคำขอนี้ ให้เลือกครุภัณฑ์อื่นแทนหรือส่งมอบในวันเริ่มยืม",
        ["Loan.ExtensionNotLater"] = "วันส่งคืนใหม่ต้องอยู่หลังวันครบกำหนดเดิม",
        ["Loan.ExtensionPending"] = "มีคำขอขยายเวลารอพิจารณาอยู่แล้ว",
        ["Loan.HandoverOfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่ส่งมอบพัสดุได้",
        ["Loan.HandoverOutsidePeriod"] = "ส่งมอบได้เฉพาะภายในช่วงวันที่อนุมัติให้ยืม",
        ["Loan.IllegalTransition"] = "ทำรายการนี้ไม่ได้ในสถานะปัจจุบันของคำขอ",
        ["Loan.IssueOverApproved"] = "จำนวนที่ส่งมอบเกินจำนวนที่อนุมัติ",
        ["Loan.ItemNotForBorrower"] = "รายการนี้ไม่เปิดให้ผู้ยืมประเภทนี้ยืม",
        ["Loan.NoItems"] = "กรุณาเลือกพัสดุอย่างน้อย 1 รายการ",
        ["Loan.NoLongerAvailable"] = "พัสดุไม่เพียงพอแล้ว เนื่องจากมีคำขออื่นได้รับอนุมัติก่อน กรุณาตรวจสอบคำขออีกครั้ง",
        ["Loan.NoPendingExtension"] = "ไม่มีคำขอขยายเวลารอพิจารณา",
        ["Loan.NotAllowed"] = "ท่านไม่มีสิทธิ์ทำรายการนี้",
        ["Loan.NotEndorsed"] = "หัวหน้าหน่วยงานยังไม่ได้ให้ความเห็นชอบคำขอนี้",
        ["Loan.NotEnoughAvailable"] = "จำนวนพัสดุที่ว่างไม่พอสำหรับช่วงวันที่ขอยืม",
        ["Loan.NotOverdue"] = "รายการยืมนี้ยังไม่เกินกำหนดส่งคืน",
        ["Loan.NotYetExpired"] = "ยังไม่พ้นกำหนดมารับพัสดุ",
        ["Loan.NothingIssued"] = "กรุณาส่งมอบพัสดุอย่างน้อย 1 รายการ",
        ["Loan.NothingReturned"] = "กรุณาบันทึกพัสดุที่รับคืนอย่างน้อย 1 รายการ",
        ["Loan.ConfirmOwnPaper"] = "ผู้บันทึกการอนุมัติจากเอกสารยืนยันการอนุมัตินั้นเองไม่ได้ ต้องให้ผู้มีอำนาจที่ลงนามหรือเจ้าหน้าที่พัสดุอีกคนยืนยัน",
        ["Loan.ConfirmByChecker"] = "ผู้ตรวจสอบคำขอนี้ยืนยันการอนุมัติจากเอกสารเองไม่ได้",
        ["Loan.ConfirmByRequester"] = "ผู้ยืมหรือผู้บันทึกคำขอนี้ยืนยันการอนุมัติเองไม่ได้",
        ["Loan.ConfirmerRole"] = "การอนุมัติจากเอกสารต้องยืนยันโดยผู้มีอำนาจตามที่ลงนามในเอกสาร หรือเจ้าหน้าที่พัสดุอีกคน",
        ["Loan.KeyedInBySameOfficer"] = "ท่านเป็นผู้บันทึกคำขอนี้แทนผู้ยืม จึงตรวจสอบหรือส่งมอบพัสดุของคำขอนี้เองไม่ได้ (แบ่งแยกหน้าที่) ให้เจ้าหน้าที่พัสดุอีกคนดำเนินการ",
        ["Loan.OwnRequest"] = "ไม่สามารถดำเนินการกับคำขอยืมของตนเองได้",
        ["Loan.PaperApproverRequired"] = "กรุณาระบุชื่อผู้ลงนามอนุมัติ",
        ["Loan.PaperAttachmentRequired"] = "กรุณาแนบไฟล์ใบยืมที่ลงนามอนุมัติแล้ว",
        ["Loan.PaperOfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่บันทึกการอนุมัติจากเอกสารได้",
        ["Loan.PlaceRequired"] = "กรุณาระบุสถานที่นำไปใช้",
        ["Loan.PlaceTooLong"] = "สถานที่ยาวเกินไป",
        ["Loan.PurposeRequired"] = "กรุณาระบุวัตถุประสงค์การยืม",
        ["Loan.PurposeTooLong"] = "วัตถุประสงค์ยาวเกินไป",
        ["Loan.QuantityMin"] = "จำนวนต้องอย่างน้อย 1",
        ["Loan.QuantityOverStock"] = "จำนวนที่ขอเกินจำนวนที่เทศบาลมี",
        ["Loan.ReasonRequired"] = "กรุณาระบุเหตุผล",
        ["Loan.ReceiverAcknowledgementRequired"] = "ผู้รับพัสดุต้องยืนยันการรับ",
        ["Loan.ReceiverRequired"] = "กรุณาระบุชื่อผู้รับพัสดุ",
        ["Loan.ReturnNegative"] = "จำนวนต้องไม่ติดลบ",
        ["Loan.ReturnOfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่รับคืนพัสดุได้",
        ["Loan.InKindCountsOnly"] = "ของใช้สิ้นเปลืองรับคืนเป็นของชนิดเดียวกัน บันทึกเฉพาะจำนวนที่รับคืน (ไม่มีชำรุดหรือสูญหาย)",
        ["Loan.InKindDescriptionRequired"] = "กรุณาระบุสิ่งของที่รับคืน (ชนิด ยี่ห้อ ขนาด)",
        ["Loan.InKindDescriptionTooLong"] = "รายละเอียดสิ่งของที่รับคืนยาวเกิน 300 ตัวอักษร",
        ["Loan.InKindQuantityRequired"] = "กรุณากรอกจำนวนที่รับคืน",
        ["Loan.AgreementRequired"] = "กรุณาบันทึกว่าผู้ยืมยินยอมอย่างไร เมื่อใด",
        ["Loan.NothingReduced"] = "ไม่มีรายการใดลดจำนวนลง",
        ["Loan.ReduceOfficerOnly"] = "เฉพาะเจ้าหน้าที่พัสดุเท่านั้นที่ปรับลดจำนวนได้",
        ["Loan.ReduceOnlyDown"] = "จำนวนใหม่ต้องไม่เกินจำนวนที่อนุมัติและไม่ติดลบ (การลดจำนวนเพิ่มพัสดุไม่ได้)",
        ["Loan.ReduceToNothing"] = "ถ้าไม่เหลือพัสดุรายการใดเลย ให้ยกเลิกคำขอพร้อมเหตุผลแทน",
        ["Loan.ReduceUnitsMismatch"] = "เลือกครุภัณฑ์ที่คงไว้ให้ตรงกับจำนวนใหม่",
        ["Loan.ReturnOverIssued"] = "จำนวนที่รับคืนเกินจำนวนที่ยังค้างอยู่",
        ["Loan.SettleOfficerOnly"] = "เจ้าหน้าที่พัสดุเท่านั้นที่บันทึกการชดใช้ได้",
        ["Loan.StaffWithoutDivision"] = "บัญชีของท่านยังไม่ได้กำหนดสังกัด โปรดติดต่อผู้ดูแลระบบ",
        ["Loan.StartInPast"] = "วันที่เริ่มยืมต้องไม่ก่อนวันนี้",
        ["Loan.StartBeyondHorizon"] = "วันที่เริ่มยืมไกลเกินกว่าที่รับจองล่วงหน้าได้ กรุณาตรวจสอบปี พ.ศ.",
        ["Loan.StartPassed"] = "วันเริ่มยืมผ่านไปแล้ว กรุณาส่งคืนคำขอให้ผู้ยืมแก้ไขวันที่",
        ["Loan.StartPassedApproval"] = "วันเริ่มยืมผ่านไปแล้ว อนุมัติไม่ได้ คำขอนี้หมดอายุ",
        ["Loan.TooLong"] = "ระยะเวลายืมเกินจำนวนวันสูงสุดที่กำหนดสำหรับรายการนี้",
        ["Loan.UnitCountMismatch"] = "จำนวนครุภัณฑ์ที่เลือกไม่ตรงกับจำนวนที่ขอ",
        ["Loan.UnitNotLendable"] = "ครุภัณฑ์ที่เลือกอยู่ระหว่างซ่อม สูญหาย หรือจำหน่ายแล้ว",
        ["Loan.UnitNotOut"] = "ครุภัณฑ์นี้ไม่ได้อยู่ระหว่างการยืมในรายการนี้",
        ["Loan.UnitNotReserved"] = "ครุภัณฑ์นี้ไม่ได้จองไว้สำหรับรายการยืมนี้",
        ["Loan.UnitTwice"] = "เลือกครุภัณฑ์ชิ้นเดียวกันซ้ำ",
        ["Loan.UnitUnknown"] = "ไม่พบครุภัณฑ์นี้ในทะเบียน",
        ["Loan.ScannedPoolLabel"] = "ป้ายนี้เป็นป้ายของพัสดุแบบนับจำนวน ไม่ใช่ครุภัณฑ์รายชิ้น พัสดุแบบนับจำนวนให้กรอกเป็นจำนวน",
        ["Loan.UnitWrongItem"] = "ครุภัณฑ์นี้ไม่ใช่รายการที่ขอยืม",
        ["Loan.UnknownItem"] = "ไม่พบรายการพัสดุนี้ในบัญชีให้ยืม",
        ["Loan.UnknownLine"] = "ไม่พบรายการนี้ในคำขอยืม",
        ["Loan.UrgencyReasonRequired"] = "การยืมพัสดุใช้สิ้นเปลืองต้องระบุเหตุผลความจำเป็นเร่งด่วน",
        ["Loan.BorrowerInBadStanding"] = "ผู้ยืมมีรายการยืมเกินกำหนดหรือค่าเสียหายค้างชำระ จึงยื่นคำขอใหม่ไม่ได้",
        ["Loan.Concurrency"] = "มีผู้อื่นแก้ไขคำขอนี้ในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง",
        ["NationalId.Invalid"] = "เลขประจำตัวประชาชนไม่ถูกต้อง",
        ["PromptPay.Amount"] = "จำนวนเงินต้องมากกว่า 0",
        ["PromptPay.Target"] = "บัญชีพร้อมเพย์ต้องเป็นเลขโทรศัพท์ 10 หลัก หรือเลขประจำตัวผู้เสียภาษี 13 หลัก",
        ["Tag.Malformed"] = "รหัสป้ายไม่ถูกต้อง",
        ["Loan.HandoverNotYet"] = "ยังไม่ถึงวันรับพัสดุตามปฏิทินวันทำการ",
        ["Holiday.InvalidDate"] = "วันที่ไม่ถูกต้อง",
        ["Holiday.NameRequired"] = "กรุณากรอกชื่อวันหยุด",
        ["Holiday.NameTooLong"] = "ชื่อวันหยุดยาวเกินไป",
        ["Paper.ReferenceRequired"] = "กรุณาระบุเลขที่และวันที่ของหนังสืออนุมัติ",
        ["Paper.ReferenceTooLong"] = "เลขที่หนังสืออนุมัติยาวเกินไป",
        ["Paper.RequestInFuture"] = "วันที่ยื่นคำขอต้องไม่เกินวันนี้",
        ["Paper.ApprovalInFuture"] = "วันที่อนุมัติต้องไม่เกินวันนี้",
        ["Paper.ApprovedBeforeRequest"] = "วันที่อนุมัติต้องไม่ก่อนวันที่ยื่นคำขอ",
        ["Paper.DueBeforeStart"] = "วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม",
        ["Paper.DueBeforeRequest"] = "วันที่ส่งคืนต้องไม่ก่อนวันที่ยื่นคำขอ",
        ["Paper.HandoverNotInState"] = "รายการที่อนุมัติแล้วแต่ยังไม่ได้ส่งมอบ ต้องไม่มีวันที่ส่งมอบ",
        ["Paper.ReturnNotInState"] = "มีวันที่รับคืนได้เฉพาะรายการที่คืนแล้ว",
        ["Paper.ApprovalLapsed"] = "ระยะเวลาที่อนุมัติสิ้นสุดแล้วโดยยังไม่ได้ส่งมอบ จึงไม่ต้องบันทึก",
        ["Paper.HandoverRequired"] = "กรุณาระบุวันที่ส่งมอบพัสดุ",
        ["Paper.HandoverInFuture"] = "วันที่ส่งมอบต้องไม่เกินวันนี้",
        ["Paper.HandedOverBeforeApproval"] = "วันที่ส่งมอบต้องไม่ก่อนวันที่อนุมัติ",
        ["Paper.ReturnRequired"] = "กรุณาระบุวันที่รับคืน",
        ["Paper.ReturnInFuture"] = "วันที่รับคืนต้องไม่เกินวันนี้",
        ["Paper.ReturnedBeforeHandover"] = "วันที่รับคืนต้องไม่ก่อนวันที่ส่งมอบ",
        ["Paper.StateUnknown"] = "กรุณาเลือกสถานะของรายการยืม",
        ["Loan.PaperOverLends"] = "พัสดุว่างไม่พอสำหรับช่วงเวลาของรายการนี้ บันทึกไม่ได้เพราะจะให้ยืมเกินจำนวนที่มี",
        ["Loan.PaperUnitsCount"] = "จำนวนหมายเลขครุภัณฑ์ไม่ตรงกับจำนวนที่ยืม",
        ["Loan.PaperFiscalYear"] = "เลขที่รายการต้องอยู่ในปีงบประมาณของวันที่ยื่นคำขอ",
        ["Calendar.NoWorkingDay"] = "ปฏิทินวันทำการไม่มีวันทำการภายในหนึ่งปี กรุณาตรวจสอบวันหยุด",
    };

    public static string ThaiMessage(DomainRuleException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return Thai.TryGetValue(ex.Code, out var text) ? text : ex.Message;
    }

    public static bool IsKnown(string code) => Thai.ContainsKey(code);

    /// <summary>Every rule code with its Thai message (the English resource is checked against it by a test).</summary>
    public static IReadOnlyDictionary<string, string> ThaiMessages => Thai;

    /// <summary>The message for the current UI language.</summary>
    public static string Localized(DomainRuleException ex, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var thai = ThaiMessage(ex);
        var text = Display.IsThai ? thai : localizer[thai].Value;
        return ex.Details.Count == 0 ? text : $"{text}: {string.Join(", ", ex.Details)}";
    }

    /// <summary>The message of a rule code a page asked the domain for before showing a button (no exception thrown).</summary>
    public static string Message(string code, IStringLocalizer localizer) => Localized(new DomainRuleException(code, code), localizer);

    public static void AddDomainError(this ModelStateDictionary modelState, DomainRuleException ex, IStringLocalizer localizer, string key = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.AddModelError(key, Localized(ex, localizer));
    }
}
