/* lc-test-png.h: the pieces of a PNG file, for tests that make their own
 * pictures (written here, independently of the checks in lc-picture.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
