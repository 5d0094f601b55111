using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Security;

/// <summary>
/// One signed-in session per role, made once: a bearer token for the API, and for the pages the cookies and the
/// anti-forgery form token. Each call gets a fresh client that sends those cookies without keeping any answer's
/// cookies, so a sign-out or a language switch in one call changes no other.
/// </summary>
public sealed partial class Callers(TunasFactory app)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Session> _sessions = new();

    public sealed record Session(string? Token, string Cookies, string FormToken);

    public async Task<Session> SessionAsync(string? role)
    {
        var key = role ?? "";
        if (_sessions.TryGetValue(key, out var session))
        {
            return session;
        }
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var login = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Account/Login"), cookies);
        var formToken = FormToken(await login.Content.ReadAsStringAsync());
        string? token = null;
        if (role is not null)
        {
            var signIn = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = TunasFactory.EmailOf(role),
                    ["Input.Password"] = TunasFactory.Password,
                    ["__RequestVerificationToken"] = formToken,
                }),
            };
            var signedIn = await SendAsync(signIn, cookies);
            Assert.True(signedIn.StatusCode == System.Net.HttpStatusCode.Redirect, "Signing in as " + role + " failed.");
            // The form token is bound to the signed-in user: take it from a page seen as that user.
            formToken = FormToken(await (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"), cookies)).Content.ReadAsStringAsync());
            var issued = await NewClient().PostAsJsonAsync("/api/v1/auth/token", new { email = TunasFactory.EmailOf(role), password = TunasFactory.Password });
            issued.EnsureSuccessStatusCode();
            token = (await issued.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        }
        session = new Session(token, string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)), formToken);
        _sessions[key] = session;
        return session;
    }

    /// <summary>Calls a page with the session's cookies, a post with its form token.</summary>
    public Task<HttpResponseMessage> PageAsync(Session session, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("Cookie", session.Cookies);
        if (method != "GET")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = session.FormToken });
        }
        return NewClient().SendAsync(request);
    }

    /// <summary>Calls the API with the session's bearer token, a write with an empty JSON object.</summary>
    public Task<HttpResponseMessage> ApiAsync(Session session, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (session.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        }
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }
        return NewClient().SendAsync(request);
    }

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Dictionary<string, string> cookies)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }
        var response = await NewClient().SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
        return response;
    }

    private static string FormToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "No anti-forgery token on the page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record TokenBody(string AccessToken, DateTime ExpiresAt);
}
