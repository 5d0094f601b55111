using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// <c>-- users reset-demo-passwords</c>: gives every demo user (<c>@demo.tunas.test</c>) a new password, unlocks
/// it and prints the list again, for whoever missed the passwords printed once when the demo was loaded. Only the
/// demo's own accounts are touched; a database without them is left alone and the command exits 1.
/// </summary>
internal sealed class DemoPasswordsCommand : IAppCommand
{
    public CommandName Name => CommandName.ResetDemoPasswords;

    public async Task<int> RunAsync(Command command, IServiceProvider services, CancellationToken ct = default)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var suffix = "@" + DemoSeeder.Domain;
        var demo = await users.Users.Where(u => u.Email != null && u.Email.EndsWith(suffix)).OrderBy(u => u.Email).ToListAsync(ct);
        if (demo.Count == 0)
        {
            await Console.Error.WriteLineAsync("Tidak ada pengguna demo di basis data ini (jalankan aplikasi dengan --demo dulu). / There are no demo users in this database (run the app with --demo first).");
            return 1;
        }
        var lines = new List<string>();
        foreach (var user in demo)
        {
            var password = DemoSeeder.NewPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                await Console.Error.WriteLineAsync($"{user.Email}: " + string.Join(" ", reset.Errors.Select(e => e.Description)));
                return 1;
            }
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "-";
            lines.Add($"  {role,-16} {user.Email,-36} {password}");
        }
        await Console.Out.WriteLineAsync("Kata sandi baru pengguna demo (ditampilkan sekali ini saja) / New demo passwords (shown only this once):");
        foreach (var line in lines)
        {
            await Console.Out.WriteLineAsync(line);
        }
        return 0;
    }
}
