namespace Tunas.Web.Features.Home;

/// <summary>The staff's home (/Beranda), for Program.cs.</summary>
public static class DeskModule
{
    public static IServiceCollection AddDesk(this IServiceCollection services) => services.AddScoped<DeskCounts>();
}
