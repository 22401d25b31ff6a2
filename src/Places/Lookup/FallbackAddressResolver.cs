using Microsoft.Extensions.Logging;

namespace Portal.Places.Lookup;

/// <summary>
/// Asks the exact resolver first and falls back to the approximate one when it is unreachable or does not know
/// the address, so a resident always gets the best answer available rather than an error.
/// </summary>
public sealed partial class FallbackAddressResolver(IAddressResolver exact, IAddressResolver fallback, ILogger<FallbackAddressResolver> logger)
    : IAddressResolver
{
    public async Task<AddressMatch?> ResolveAsync(Postcode postcode, HouseNumber? houseNumber, CancellationToken cancellationToken)
    {
        if (houseNumber is not null)
        {
            try
            {
                var match = await exact.ResolveAsync(postcode, houseNumber, cancellationToken);
                if (match is not null)
                {
                    return match;
                }
            }
            catch (AddressResolverUnavailableException e)
            {
                // Never log the postcode or house number: residents' addresses stay out of the logs.
                LogUnavailable(logger, e.Message);
            }
        }

        return await fallback.ResolveAsync(postcode, houseNumber, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exact address resolver unavailable ({Reason}); answered from the approximate postcode table")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
