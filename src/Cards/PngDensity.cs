using System.Buffers.Binary;

namespace Portal.Cards;

/// <summary>
/// Records the print resolution in a PNG (a pHYs chunk): Chromium's screenshots carry none, and without it a print shop's
/// software assumes 72 dpi and the card comes out four times too large.
/// </summary>
public static class PngDensity
{
    private const double InchesPerMetre = 39.3700787;

    public static byte[] WithDpi(byte[] png, int dpi)
    {
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC): pHYs goes right after IHDR.
        const int afterIhdr = 8 + 25;
        if (png.Length < afterIhdr || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R')
        {
            throw new ArgumentException("not a PNG with an IHDR chunk", nameof(png));
        }

        var pixelsPerMetre = (uint)Math.Round(dpi * InchesPerMetre);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), pixelsPerMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    /// <summary>The CRC-32 PNG specifies (ISO 3309, as zlib's).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
