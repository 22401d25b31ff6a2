namespace Portal.Places.Lookup;

/// <summary>Turns a postcode (and house number) into the buurt(en) it lies in.</summary>
public interface IAddressResolver
{
    /// <returns>The match, or null when this resolver does not know the address.</returns>
    /// <exception cref="AddressResolverUnavailableException">The resolver could not be asked (network, timeout, bad answer).</exception>
    Task<AddressMatch?> ResolveAsync(Postcode postcode, HouseNumber? houseNumber, CancellationToken cancellationToken);
}

public sealed class AddressResolverUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
