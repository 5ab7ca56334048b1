using System.Diagnostics;
using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Labels;

// Times LabelSheetRenderer on N labels (default 1,000) for each template: the median of several runs after a warm-up.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var names = new[]
{
    "เต็นท์ ขนาด 4×8 ม.", "ชุดเครื่องเสียงกลางแจ้ง", "เครื่องฉายภาพ (โปรเจกเตอร์)", "เครื่องสูบน้ำ",
    "เครื่องคอมพิวเตอร์โน้ตบุ๊กสำหรับงานประมวลผลแผนที่ภาษีและทะเบียนทรัพย์สิน", "เก้าอี้พลาสติก", "ผู้ใหญ่บ้าน บุหรี่ น้ำ ที่",
};
var labels = Enumerable.Range(0, count)
    .Select(i =>
    {
        var tag = Tags.NewTag();
        return new LabelContent(QrCodes.TagUrl("https://assets.maekhue.go.th", tag), "เทศบาลตำบลแม่คือ", names[i % names.Length], $"490-64-{i + 1:0000}", tag);
    })
    .ToList();

LabelSheetRenderer.Render(labels.Take(24).ToList(), LabelTemplates.A4x24, LabelOffset.None);
Console.WriteLine($"labels={count} runs={runs} cpus={Environment.ProcessorCount} runtime={Environment.Version}");
foreach (var template in LabelTemplates.All)
{
    var times = new List<double>();
    var cpu = new List<double>();
    byte[] pdf = [];
    for (var r = 0; r < runs; r++)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        pdf = LabelSheetRenderer.Render(labels, template, LabelOffset.None);
        times.Add(watch.Elapsed.TotalMilliseconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    times.Sort();
    cpu.Sort();
    var median = times[times.Count / 2];
    var pages = (count + template.PerPage - 1) / template.PerPage;
    // Wall time depends on what else the machine runs; CPU time per label much less so.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{template.Key,-11} pages={pages,5} wall median={median,6:0} ms (min {times[0],6:0})  cpu median={cpu[cpu.Count / 2],6:0} ms = {cpu[cpu.Count / 2] / count,5:0.00} ms/label  pdf={pdf.Length / 1024.0 / 1024.0,5:0.00} MiB"));
}
