using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace AssetLoan.Tests.Support;

/// <summary>
/// A real HTML form read from a page (its action, hidden fields and antiforgery token), filled in and submitted as a
/// browser would, without JavaScript.
/// </summary>
public sealed class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _fields;
    private readonly List<(string Name, string FileName, byte[] Content, string ContentType)> _files = [];

    private HtmlForm(string action, string method, bool multipart, List<KeyValuePair<string, string>> fields, IDocument document)
    {
        Action = action;
        Method = method;
        Multipart = multipart;
        _fields = fields;
        Document = document;
    }

    public string Action { get; }

    public string Method { get; }

    public bool Multipart { get; }

    public IDocument Document { get; }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static async Task<IDocument> GetDocumentAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}");
        }

        return await ParseAsync(response);
    }

    /// <summary>Loads <paramref name="url"/> and takes the form matching <paramref name="selector"/> (default: the first form in main).</summary>
    public static async Task<HtmlForm> LoadAsync(HttpClient client, string url, string selector = "main form")
    {
        var document = await GetDocumentAsync(client, url);
        return From(document, selector, url);
    }

    public static HtmlForm From(IDocument document, string selector, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        var form = document.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{selector}' on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file" or "image"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.Value ?? "on"));
                        }
                    }
                    else
                    {
                        fields.Add(new(input.Name, input.Value ?? ""));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null)
                    {
                        fields.Add(new(select.Name, selected.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        var action = form.GetAttribute("action");
        if (string.IsNullOrEmpty(action))
        {
            action = pageUrl;
        }

        return new HtmlForm(action, (form.Method ?? "post").ToUpperInvariant(), form.Enctype == "multipart/form-data", fields, document);
    }

    /// <summary>Replaces every value of <paramref name="name"/> with one value.</summary>
    public HtmlForm Set(string name, string value)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a value (for repeated names such as checkboxes).</summary>
    public HtmlForm Add(string name, string value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    public HtmlForm Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public HtmlForm AttachFile(string name, string fileName, byte[] content, string contentType)
    {
        _files.Add((name, fileName, content, contentType));
        return this;
    }

    public string? Value(string name) => _fields.LastOrDefault(f => f.Key == name).Value;

    /// <summary>
    /// Whether <see cref="SubmitAsync"/> answers the form's proof-of-work challenge (an input with <c>data-pow-bits</c>)
    /// when it has no answer yet, as the page's script does in a browser. False posts it as a phone without JavaScript.
    /// </summary>
    public bool AnswersChallenge { get; set; } = true;

    private void AnswerChallenge()
    {
        if (!AnswersChallenge || Document.QuerySelector("input[data-pow-bits]") is not { } input
            || input.GetAttribute("name") is not { } name || Value(name) is not { Length: > 0 } challenge
            || input.GetAttribute("data-pow-answer") is not { } answerName || !string.IsNullOrEmpty(Value(answerName)))
        {
            return;
        }

        var bits = int.Parse(input.GetAttribute("data-pow-bits") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Set(answerName, global::AssetLoan.Web.Infrastructure.Security.ApplyChallenge.Solve(challenge, bits));
    }

    /// <summary>Submits the form as pressing the button <paramref name="buttonSelector"/> does: to its formaction when it has one.</summary>
    public Task<HttpResponseMessage> SubmitByAsync(HttpClient client, string buttonSelector)
    {
        var button = Document.QuerySelector(buttonSelector) ?? throw new InvalidOperationException($"No button '{buttonSelector}' on the page.");
        return SubmitAsync(client, button.GetAttribute("formaction"));
    }

    /// <summary>Submits the form; a submit button's name=value can be given as <paramref name="handlerButton"/> ("handler=Approve" style is also fine in the action).</summary>
    public Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? actionOverride = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var action = actionOverride ?? Action;
        AnswerChallenge();
        HttpContent content;
        if (Multipart || _files.Count > 0)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var f in _fields)
            {
                multipart.Add(new StringContent(f.Value), f.Key);
            }

            foreach (var (name, fileName, bytes, type) in _files)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
                multipart.Add(file, name, fileName);
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(_fields);
        }

        return client.PostAsync(action, content);
    }
}
