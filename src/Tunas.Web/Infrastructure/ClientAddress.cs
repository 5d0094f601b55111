using System.Net;
using System.Net.Sockets;

namespace Tunas.Web.Infrastructure;

/// <summary>The key of a client for the rate limits (public posts, sign-in): one per caller, however they connect.</summary>
public static class ClientAddress
{
    /// <summary>An IPv4 address, or the /64 network of an IPv6 address (one household or phone has a whole /64).</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
