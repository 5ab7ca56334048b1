using System.Net;
using System.Net.Sockets;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// The client as rate limits and sign-in throttling see it: the connection's address after the forwarded headers of
/// configured proxies were applied; an IPv6 client is its /64 (one household or device gets a whole /64).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Partition(http.Connection.RemoteIpAddress);
    }

    public static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
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
