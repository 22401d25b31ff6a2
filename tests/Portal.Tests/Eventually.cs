namespace Portal.Tests;

/// <summary>For what happens in the background (a webhook's re-read, the periodic check): wait until it shows, or fail.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 10)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(seconds); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the change did not appear within {seconds} s");
    }
}
