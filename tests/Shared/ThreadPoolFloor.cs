using System.Runtime.CompilerServices;

namespace Tunas.Tests;

/// <summary>
/// Linked into each test assembly that hosts the app (their .csproj). Many test servers share such a process, and
/// SQLite waits for its write lock by blocking a thread (busy_timeout). On a 2-core runner the thread pool starts with two workers and adds about one every half second, so a burst of
/// writers waiting in one test can starve another test's requests: once in CI a token request waited past the
/// client's 100 s. A higher floor gives each blocked writer a thread at once; it changes nothing under test.
/// </summary>
internal static class ThreadPoolFloor
{
#pragma warning disable CA2255 // a test assembly's own start-up, not a library's
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
