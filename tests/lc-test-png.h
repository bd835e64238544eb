/* lc-test-png.h: the pieces of a PNG file, for tests that make their own
 * pictures (written here, independently of the checks in lc-picture.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

/* The CRC-32 of PNG chunks (and zlib, gzip) */
static inline guint32
lc_test_crc32 (const guint8 *data,
               gsize         length)
{
  static guint32 table[256];
  guint32 crc = 0xffffffff;

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (guint k = 0; k < 8; k++)
          c = (c & 1) ? 0xedb88320 ^ (c >> 1) : c >> 1;
        table[n] = c;
      }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffff;
}

static inline void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

/* Length, type, data and the CRC of type and data */
static inline void
append_chunk (GByteArray   *array,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  gsize start;

  append_be32 (array, length);
  start = array->len;
  g_byte_array_append (array, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (array, data, length);
  append_be32 (array, lc_test_crc32 (array->data + start, 4 + length));
}

/* A large RGBA PNG, made a row at a time through zlib so that it never is
 * in memory whole: pixel (x, y) is (x / 32 % 256, y / 32 % 256, 0x80,
 * 0xff); rows repeat, so it compresses to a few hundred kilobytes. */
static inline GBytes *
lc_test_make_large_png (guint32 width,
                        guint32 height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autofree guint8 *row = g_malloc ((gsize) width * 4 + 1);
  g_autofree guint8 *out = g_malloc (1024 * 1024);
  GByteArray *png = g_byte_array_new ();
  guint8 tail[5] = { 8, 6, 0, 0, 0 };   /* 8 bits, RGBA, deflate, filter 0, no interlace */

  g_byte_array_append (png, signature, sizeof signature);
  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  g_byte_array_append (ihdr, tail, sizeof tail);
  append_chunk (png, "IHDR", ihdr->data, ihdr->len);

  for (guint32 y = 0; y <= height; y++)
    {
      gsize in_length = 0;
      gboolean last = y == height;

      if (!last)
        {
          row[0] = 0;   /* filter: none */
          for (guint32 x = 0; x < width; x++)
            {
              guint8 *pixel = row + 1 + (gsize) x * 4;

              pixel[0] = (x / 32) % 256;
              pixel[1] = (y / 32) % 256;
              pixel[2] = 0x80;
              pixel[3] = 0xff;
            }
          in_length = (gsize) width * 4 + 1;
        }

      for (gsize done = 0;;)
        {
          gsize read = 0, written = 0;
          GConverterResult result;

          result = g_converter_convert (G_CONVERTER (compressor), row + done, in_length - done,
                                        out, 1024 * 1024,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, NULL);
          g_assert (result != G_CONVERTER_ERROR);
          g_byte_array_append (idat, out, written);
          done += read;
          if (result == G_CONVERTER_FINISHED || (!last && done == in_length && written < 1024 * 1024))
            break;
        }
    }

  append_chunk (png, "IDAT", idat->data, idat->len);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}
