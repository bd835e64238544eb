/* test-picture.c: checking, naming, storing and loading people's pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pictures are built here, byte by byte, with their own CRC-32 (table
 * driven, unlike lc-picture.c's) so that every header can be broken on
 * purpose. Every GBytes is an exact-size copy, so that a read past its end
 * shows up under a sanitizer.
 *
 * Why one file of over 1,200 lines: the PNG, JPEG and SVG builders above
 * are most of it, and every test below breaks what they build.
 */

#include "config.h"

#include <sys/resource.h>

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "lc-picture.h"
#include "lc-routine-library.h"
#include "lc-routine-loader.h"
#include "lc-test-png.h"

/* --- building pictures --------------------------------------------------- */

static guint32
adler32 (const guint8 *data,
         gsize         length)
{
  guint32 a = 1;
  guint32 b = 0;

  for (gsize i = 0; i < length; i++)
    {
      a = (a + data[i]) % 65521;
      b = (b + a) % 65521;
    }
  return (b << 16) | a;
}

static void
append_be16 (GByteArray *array,
             guint       value)
{
  guint8 bytes[2] = { value >> 8, value };

  g_byte_array_append (array, bytes, 2);
}

static void
append_byte (GByteArray *array,
             guint8      value)
{
  g_byte_array_append (array, &value, 1);
}

static GBytes *
bytes_from_array (GByteArray *array)
{
  /* g_bytes_new() copies into an allocation of exactly that size */
  return g_bytes_new (array->data, array->len);
}

typedef struct
{
  guint32  width;
  guint32  height;
  guint8   depth;
  guint8   colour;
  guint8   compression;
  guint8   filter;
  guint8   interlace;
  gboolean no_image_data;
} PngSpec;

/* A PNG: signature, IHDR, IDAT, IEND. Small RGB pictures get real pixels
 * (zlib with one stored block), the others a placeholder: only the headers
 * are checked. */
static GByteArray *
png_array (const PngSpec *spec)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  GByteArray *png = g_byte_array_new ();

  g_byte_array_append (png, signature, sizeof signature);

  append_be32 (ihdr, spec->width);
  append_be32 (ihdr, spec->height);
  append_byte (ihdr, spec->depth);
  append_byte (ihdr, spec->colour);
  append_byte (ihdr, spec->compression);
  append_byte (ihdr, spec->filter);
  append_byte (ihdr, spec->interlace);
  append_chunk (png, "IHDR", ihdr->data, ihdr->len);

  if (!spec->no_image_data)
    {
      g_autoptr(GByteArray) raw = g_byte_array_new ();

      if (spec->colour == 2 && spec->depth == 8 && (guint64) spec->width * spec->height <= 1024)
        for (guint32 y = 0; y < spec->height; y++)
          {
            append_byte (raw, 0);   /* filter: none */
            for (guint32 x = 0; x < spec->width; x++)
              {
                append_byte (raw, 0x35);
                append_byte (raw, 0x84);
                append_byte (raw, (x * 40 + y * 20) & 0xff);
              }
          }
      append_byte (idat, 0x78);
      append_byte (idat, 0x01);
      append_byte (idat, 0x01);           /* final, stored */
      append_byte (idat, raw->len & 0xff);
      append_byte (idat, raw->len >> 8);
      append_byte (idat, ~raw->len & 0xff);
      append_byte (idat, (~raw->len >> 8) & 0xff);
      g_byte_array_append (idat, raw->data, raw->len);
      append_be32 (idat, adler32 (raw->data, raw->len));
      append_chunk (png, "IDAT", idat->data, idat->len);
    }

  append_chunk (png, "IEND", NULL, 0);
  return png;
}

static GBytes *
make_png (guint32 width,
          guint32 height)
{
  PngSpec spec = { width, height, 8, 2, 0, 0, 0, FALSE };
  g_autoptr(GByteArray) png = png_array (&spec);

  return bytes_from_array (png);
}

/* Where IHDR's fields are: signature, length, type */
#define PNG_WIDTH_AT  16
#define PNG_IHDR_CRC_AT 29

static void
append_segment (GByteArray   *array,
                guint8        marker,
                const guint8 *data,
                gsize         length)
{
  append_byte (array, 0xff);
  append_byte (array, marker);
  append_be16 (array, length + 2);
  if (length > 0)
    g_byte_array_append (array, data, length);
}

static void
append_frame (GByteArray *array,
              guint8      marker,
              guint       width,
              guint       height)
{
  guint8 frame[15] = { 8, height >> 8, height, width >> 8, width, 3,
                       1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };

  append_segment (array, marker, frame, sizeof frame);
}

/* SOI, APP0 (JFIF), then segments whose payload would read as a size of 0
 * if DHT, JPG or DAC were taken for a frame header, fill bytes, standalone
 * markers, the frame header, a scan and EOI. Returns where the frame ends. */
static GByteArray *
jpeg_array (guint8  frame_marker,
            guint   width,
            guint   height,
            gsize  *frame_end)
{
  static const guint8 jfif[14] = { 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
  static const guint8 zeros[12] = { 0 };
  static const guint8 scan[10] = { 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0 };
  GByteArray *jpeg = g_byte_array_new ();

  append_byte (jpeg, 0xff);
  append_byte (jpeg, 0xd8);
  append_segment (jpeg, 0xe0, jfif, sizeof jfif);
  append_segment (jpeg, 0xc4, zeros, sizeof zeros);  /* DHT */
  append_segment (jpeg, 0xc8, zeros, sizeof zeros);  /* JPG */
  append_segment (jpeg, 0xcc, zeros, sizeof zeros);  /* DAC */
  append_byte (jpeg, 0xff);                          /* fill bytes */
  append_byte (jpeg, 0xff);
  append_byte (jpeg, 0xff);
  append_byte (jpeg, 0x01);                          /* TEM */
  append_byte (jpeg, 0xff);
  append_byte (jpeg, 0xd3);                          /* RST3 */
  append_segment (jpeg, 0xfe, (const guint8 *) "made by hand", 12);  /* COM */
  append_frame (jpeg, frame_marker, width, height);
  if (frame_end != NULL)
    *frame_end = jpeg->len;
  append_segment (jpeg, 0xda, scan, sizeof scan);
  append_byte (jpeg, 0x12);
  append_byte (jpeg, 0x34);
  append_byte (jpeg, 0xff);
  append_byte (jpeg, 0xd9);
  return jpeg;
}

static GBytes *
make_jpeg (guint width,
           guint height)
{
  g_autoptr(GByteArray) jpeg = jpeg_array (0xc0, width, height, NULL);

  return bytes_from_array (jpeg);
}

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

#define SVG_SIMPLE \
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">" \
  "<rect width=\"5\" height=\"5\" fill=\"#3584e4\"/></svg>"

/* --- checking ------------------------------------------------------------- */

static void
assert_accepted (GBytes        *bytes,
                 LcPictureType  expected_type,
                 guint          expected_width,
                 guint          expected_height)
{
  g_autoptr(GError) error = NULL;
  LcPictureType type = (LcPictureType) 99;
  guint width = 123;
  guint height = 123;

  g_assert_true (lc_picture_check (bytes, &type, &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpint (type, ==, expected_type);
  g_assert_cmpuint (width, ==, expected_width);
  g_assert_cmpuint (height, ==, expected_height);

  /* The outputs are optional */
  g_assert_true (lc_picture_check (bytes, NULL, NULL, NULL, NULL));
}

/* Returns the message, which must be UTF-8 and not empty */
static char *
assert_refused (GBytes         *bytes,
                LcPictureError  code)
{
  g_autoptr(GError) error = NULL;
  LcPictureType type = (LcPictureType) 99;
  guint width = 123;
  guint height = 123;

  g_assert_false (lc_picture_check (bytes, &type, &width, &height, &error));
  g_assert_error (error, LC_PICTURE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");
  /* Nothing is set on failure */
  g_assert_cmpint (type, ==, 99);
  g_assert_cmpuint (width, ==, 123);
  g_assert_cmpuint (height, ==, 123);

  g_assert_false (lc_picture_check (bytes, NULL, NULL, NULL, NULL));
  return g_strdup (error->message);
}

static void
assert_string_refused (const char     *s,
                       LcPictureError  code)
{
  g_autoptr(GBytes) bytes = bytes_from_string (s);
  g_autofree char *message = assert_refused (bytes, code);
}

static void
test_png_valid (void)
{
  g_autoptr(GBytes) small = make_png (3, 2);
  g_autoptr(GBytes) tall = make_png (1, 8192);
  PngSpec palette = { 16, 16, 4, 3, 0, 0, 1, FALSE };
  g_autoptr(GByteArray) palette_png = png_array (&palette);
  g_autoptr(GBytes) palette_bytes = bytes_from_array (palette_png);

  /* The test's own CRC-32, on the IEND chunk every PNG ends with */
  g_assert_cmphex (lc_test_crc32 ((const guint8 *) "IEND", 4), ==, 0xae426082);

  assert_accepted (small, LC_PICTURE_PNG, 3, 2);
  assert_accepted (tall, LC_PICTURE_PNG, 1, 8192);
  assert_accepted (palette_bytes, LC_PICTURE_PNG, 16, 16);
}

static void
test_png_limits (void)
{
  g_autoptr(GBytes) bomb = make_png (100000, 100000);
  g_autoptr(GBytes) too_tall = make_png (8192, 8193);
  g_autoptr(GBytes) too_wide = make_png (8193, 1);
  g_autoptr(GBytes) largest_side = make_png (8192, 4000);
  g_autoptr(GBytes) most_pixels = make_png (8000, 5000);
  g_autoptr(GBytes) too_many = make_png (8000, 5001);
  g_autoptr(GBytes) huge = make_png (0x7fffffff, 0x7fffffff);
  g_autofree char *message = NULL;

  message = assert_refused (bomb, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_assert_nonnull (strstr (message, "100000 × 100000"));
  g_assert_nonnull (strstr (message, "8192"));
  g_clear_pointer (&message, g_free);

  message = assert_refused (too_tall, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_assert_nonnull (strstr (message, "8192 × 8193"));
  g_clear_pointer (&message, g_free);

  message = assert_refused (too_wide, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_clear_pointer (&message, g_free);

  /* 40 000 000 pixels and one row more, with both sides allowed */
  assert_accepted (most_pixels, LC_PICTURE_PNG, 8000, 5000);
  message = assert_refused (too_many, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_assert_nonnull (strstr (message, "8000 × 5001"));
  g_assert_nonnull (strstr (message, "40 million"));
  g_clear_pointer (&message, g_free);

  assert_accepted (largest_side, LC_PICTURE_PNG, 8192, 4000);

  /* The product overflows 32 bits */
  message = assert_refused (huge, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
}

static void
assert_png_damaged (const PngSpec *spec)
{
  g_autoptr(GByteArray) png = png_array (spec);
  g_autoptr(GBytes) bytes = bytes_from_array (png);
  g_autofree char *message = assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED);

  g_assert_nonnull (strstr (message, "PNG"));
}

static void
test_png_damaged (void)
{
  PngSpec good = { 4, 3, 8, 2, 0, 0, 0, FALSE };
  g_autoptr(GByteArray) png = png_array (&good);
  g_autoptr(GBytes) whole = bytes_from_array (png);
  PngSpec spec;

  assert_accepted (whole, LC_PICTURE_PNG, 4, 3);

  /* Cut anywhere: at most the signature is left, or it is damaged */
  for (guint length = 1; length < png->len; length++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (png->data, length);
      g_autofree char *message = assert_refused (cut, length < 8 ? LC_PICTURE_ERROR_UNKNOWN_TYPE
                                                                   : LC_PICTURE_ERROR_DAMAGED);
    }

  /* A wrong CRC, and a changed width under the old CRC */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GByteArray) copy = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *message = NULL;

      g_byte_array_append (copy, png->data, png->len);
      copy->data[i == 0 ? PNG_IHDR_CRC_AT + 3 : PNG_WIDTH_AT + 3] ^= 0x01;
      bytes = bytes_from_array (copy);
      message = assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (message, "checksum"));
    }

  /* The first chunk is not IHDR, or IHDR has another length */
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GByteArray) longer = g_byte_array_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GBytes) longer_bytes = NULL;
    static const guint8 ihdr14[14] = { 0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0, 0 };
    g_autofree char *message = NULL;

    g_byte_array_append (copy, png->data, 8);
    append_chunk (copy, "tEXt", (const guint8 *) "a\0b", 3);
    g_byte_array_append (copy, png->data + 8, png->len - 8);
    bytes = bytes_from_array (copy);
    g_free (assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED));

    g_byte_array_append (longer, png->data, 8);
    append_chunk (longer, "IHDR", ihdr14, sizeof ihdr14);
    g_byte_array_append (longer, png->data + 8 + 12 + 13, png->len - 8 - 12 - 13);
    longer_bytes = bytes_from_array (longer);
    message = assert_refused (longer_bytes, LC_PICTURE_ERROR_DAMAGED);
  }

  /* A chunk after IHDR that claims to run past the end, or past 2^31 - 1 */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GByteArray) copy = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;

      g_byte_array_append (copy, png->data, 33);
      append_be32 (copy, i == 0 ? 1000 : 0xfffffff0);
      g_byte_array_append (copy, (const guint8 *) "IDAT", 4);
      g_byte_array_append (copy, png->data + 33 + 8, png->len - 33 - 8);
      bytes = bytes_from_array (copy);
      g_free (assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED));
    }

  /* Impossible header fields, each under a correct CRC */
  spec = good, spec.width = 0;
  assert_png_damaged (&spec);
  spec = good, spec.height = 0;
  assert_png_damaged (&spec);
  spec = good, spec.width = 0x80000000;
  assert_png_damaged (&spec);
  spec = good, spec.height = 0xffffffff;
  assert_png_damaged (&spec);
  spec = good, spec.colour = 5;
  assert_png_damaged (&spec);
  spec = good, spec.depth = 4;        /* RGB needs 8 or 16 bits */
  assert_png_damaged (&spec);
  spec = good, spec.colour = 3, spec.depth = 16;
  assert_png_damaged (&spec);
  spec = good, spec.depth = 0;
  assert_png_damaged (&spec);
  spec = good, spec.depth = 200;
  assert_png_damaged (&spec);
  spec = good, spec.compression = 1;
  assert_png_damaged (&spec);
  spec = good, spec.filter = 1;
  assert_png_damaged (&spec);
  spec = good, spec.interlace = 2;
  assert_png_damaged (&spec);
  spec = good, spec.no_image_data = TRUE;
  assert_png_damaged (&spec);
}

static void
test_jpeg_valid (void)
{
  g_autoptr(GBytes) photo = make_jpeg (640, 480);
  g_autoptr(GByteArray) progressive = jpeg_array (0xc2, 300, 200, NULL);
  g_autoptr(GBytes) progressive_bytes = bytes_from_array (progressive);
  g_autoptr(GByteArray) lossless = jpeg_array (0xc3, 17, 9, NULL);
  g_autoptr(GBytes) lossless_bytes = bytes_from_array (lossless);
  /* The shortest: SOI, then the frame header right away */
  static const guint8 shortest[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03,
                                     0x01, 0x01, 0x11, 0x00 };
  g_autoptr(GBytes) shortest_bytes = g_bytes_new (shortest, sizeof shortest);

  assert_accepted (photo, LC_PICTURE_JPEG, 640, 480);
  assert_accepted (progressive_bytes, LC_PICTURE_JPEG, 300, 200);
  assert_accepted (lossless_bytes, LC_PICTURE_JPEG, 17, 9);
  assert_accepted (shortest_bytes, LC_PICTURE_JPEG, 3, 2);
}

static void
test_jpeg_limits (void)
{
  g_autoptr(GBytes) bomb = make_jpeg (65000, 65000);
  g_autoptr(GBytes) too_wide = make_jpeg (8193, 100);
  g_autoptr(GBytes) too_many = make_jpeg (8000, 5001);
  g_autoptr(GBytes) largest = make_jpeg (8192, 4000);
  g_autofree char *message = NULL;

  message = assert_refused (bomb, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_assert_nonnull (strstr (message, "65000 × 65000"));
  g_clear_pointer (&message, g_free);
  message = assert_refused (too_wide, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_clear_pointer (&message, g_free);
  message = assert_refused (too_many, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  assert_accepted (largest, LC_PICTURE_JPEG, 8192, 4000);
}

static void
assert_jpeg_damaged (const guint8 *data,
                     gsize         length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autofree char *message = assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED);

  g_assert_nonnull (strstr (message, "JPEG"));
}

static void
test_jpeg_damaged (void)
{
  gsize frame_end;
  g_autoptr(GByteArray) jpeg = jpeg_array (0xc0, 64, 48, &frame_end);
  /* APP1 says 0xffff bytes; 6 are there */
  static const guint8 past_end[] = { 0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 'E', 'x', 'i', 'f', 0, 0 };
  /* A length of 1 and of 0: shorter than the length itself */
  static const guint8 length_1[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xc0, 0x00, 0x0b, 0x08,
                                     0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00 };
  static const guint8 length_0[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08,
                                     0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00 };
  /* A scan, or the end, before any frame header */
  static const guint8 scan_first[] = { 0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
                                       0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00 };
  static const guint8 end_first[] = { 0xff, 0xd8, 0xff, 0xd9, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02,
                                      0x00, 0x03, 0x01, 0x01, 0x11, 0x00 };
  /* No marker where the next segment should start */
  static const guint8 no_marker[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34 };
  static const guint8 stuffed[] = { 0xff, 0xd8, 0xff, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02,
                                    0x00, 0x03, 0x01, 0x01, 0x11, 0x00 };
  /* Only fill bytes after SOI */
  static const guint8 only_fill[] = { 0xff, 0xd8, 0xff, 0xff, 0xff, 0xff };
  /* Frame headers with a height or width of 0, too short, too few bytes
   * for their components, no components */
  static const guint8 height_0[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x00, 0x00, 0x03,
                                     0x01, 0x01, 0x11, 0x00 };
  static const guint8 width_0[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x00,
                                    0x01, 0x01, 0x11, 0x00 };
  static const guint8 frame_short[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x06, 0x08, 0x00, 0x02, 0x00 };
  static const guint8 frame_components[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03,
                                             0x03, 0x01, 0x11, 0x00 };
  static const guint8 frame_none[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x08, 0x08, 0x00, 0x02, 0x00, 0x03,
                                       0x00 };

  /* Cut anywhere before the end of the frame header */
  for (gsize length = 1; length < frame_end; length++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (jpeg->data, length);
      g_autofree char *message = assert_refused (cut, length < 3 ? LC_PICTURE_ERROR_UNKNOWN_TYPE
                                                                   : LC_PICTURE_ERROR_DAMAGED);
    }
  /* …but not after it: only the header is read */
  {
    g_autoptr(GBytes) cut = g_bytes_new (jpeg->data, frame_end);

    assert_accepted (cut, LC_PICTURE_JPEG, 64, 48);
  }

  assert_jpeg_damaged (past_end, sizeof past_end);
  assert_jpeg_damaged (length_1, sizeof length_1);
  assert_jpeg_damaged (length_0, sizeof length_0);
  assert_jpeg_damaged (scan_first, sizeof scan_first);
  assert_jpeg_damaged (end_first, sizeof end_first);
  assert_jpeg_damaged (no_marker, sizeof no_marker);
  assert_jpeg_damaged (stuffed, sizeof stuffed);
  assert_jpeg_damaged (only_fill, sizeof only_fill);
  assert_jpeg_damaged (height_0, sizeof height_0);
  assert_jpeg_damaged (width_0, sizeof width_0);
  assert_jpeg_damaged (frame_short, sizeof frame_short);
  assert_jpeg_damaged (frame_components, sizeof frame_components);
  assert_jpeg_damaged (frame_none, sizeof frame_none);
}

static void
test_svg_valid (void)
{
  static const char * const svgs[] = {
    SVG_SIMPLE,
    "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!-- made by hand, > and all -->\n"
    "  <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
    "    <title>Caviglia &amp; piede, café</title>\n"
    "    <style><![CDATA[ rect { fill: #e01b24 } ]]></style>\n"
    "    <rect x=\"1\" y=\"1\" width=\"8\" height=\"8\"/>\n"
    "  </svg>\n"
    "<!-- the end -->\n",
    "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"><svg:rect width=\"1\" height=\"1\"/></svg:svg>",
    "<svg/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (svgs); i++)
    {
      g_autoptr(GBytes) bytes = bytes_from_string (svgs[i]);

      g_test_message ("SVG %u", i);
      assert_accepted (bytes, LC_PICTURE_SVG, 0, 0);
    }
}

static void
test_svg_declarations (void)
{
  static const char * const svgs[] = {
    /* Billion laughs */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "]>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol9;</text></svg>\n",
    /* An external entity */
    "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>",
    /* The standard DTD, and a lowercase one */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    SVG_SIMPLE,
    "<!doctype svg>" SVG_SIMPLE,
    /* An entity declaration without a DOCTYPE, after the root */
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><!ENTITY a \"b\"></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n<!DoCtYpE svg>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (svgs); i++)
    {
      g_autoptr(GBytes) bytes = bytes_from_string (svgs[i]);
      g_autofree char *message = NULL;

      g_test_message ("SVG %u", i);
      message = assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (message, "<!DOCTYPE>"));
    }
}

static void
test_svg_malformed (void)
{
  static const char * const svgs[] = {
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"",
    "<svg width=10/>",
    "<svg/><svg/>",
    "<svg/><rect/>",
    "<svg>&lol;</svg>",
    "<svg></rect>",
    "<svg/>text after the root",
    "\xef\xbb\xbf<svg><",
  };

  for (guint i = 0; i < G_N_ELEMENTS (svgs); i++)
    {
      g_autoptr(GBytes) bytes = bytes_from_string (svgs[i]);
      g_autofree char *message = NULL;

      g_test_message ("SVG %u: %s", i, svgs[i]);
      message = assert_refused (bytes, LC_PICTURE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (message, "SVG"));
    }
}

static void
test_svg_not_utf8 (void)
{
  static const char latin1[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>caf\xe9</text></svg>";
  static const char nul[] = "<svg xmlns=\"http://www.w3.org/2000/svg\">\0</svg>";
  static const char overlong[] = "<svg><text>\xc0\xbc</text></svg>";
  g_autoptr(GBytes) latin1_bytes = g_bytes_new (latin1, sizeof latin1 - 1);
  g_autoptr(GBytes) nul_bytes = g_bytes_new (nul, sizeof nul - 1);
  g_autoptr(GBytes) overlong_bytes = g_bytes_new (overlong, sizeof overlong - 1);
  g_autofree char *message = assert_refused (latin1_bytes, LC_PICTURE_ERROR_DAMAGED);

  g_assert_nonnull (strstr (message, "UTF-8"));
  g_free (assert_refused (nul_bytes, LC_PICTURE_ERROR_DAMAGED));
  g_free (assert_refused (overlong_bytes, LC_PICTURE_ERROR_DAMAGED));
}

static void
test_unknown_type (void)
{
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff,
                                ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 'D', 1, 0, ';' };
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };
  static const guint8 utf16_svg[] = { 0xff, 0xfe, '<', 0, 's', 0, 'v', 0, 'g', 0, '/', 0, '>', 0 };
  static const guint8 png_start[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a };
  g_autoptr(GBytes) gif_bytes = g_bytes_new (gif, sizeof gif);
  g_autoptr(GBytes) webp_bytes = g_bytes_new (webp, sizeof webp);
  g_autoptr(GBytes) utf16_bytes = g_bytes_new (utf16_svg, sizeof utf16_svg);
  g_autoptr(GBytes) png_start_bytes = g_bytes_new (png_start, sizeof png_start);
  g_autofree char *message = assert_refused (gif_bytes, LC_PICTURE_ERROR_UNKNOWN_TYPE);

  g_assert_nonnull (strstr (message, "PNG, JPEG or SVG"));
  g_free (assert_refused (webp_bytes, LC_PICTURE_ERROR_UNKNOWN_TYPE));
  g_free (assert_refused (utf16_bytes, LC_PICTURE_ERROR_UNKNOWN_TYPE));
  g_free (assert_refused (png_start_bytes, LC_PICTURE_ERROR_UNKNOWN_TYPE));

  assert_string_refused ("Massage the calves upwards, 10 times.\n", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("   \n\t", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("BM", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("<html><body>svg</body></html>", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("<?xml version=\"1.0\"?>\n<legcare-routine/>", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("<?xml version=\"1.0\"?>", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("<svgz/>", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_string_refused ("<!-- <svg/> ", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  /* A DTD before another root is not an SVG either */
  assert_string_refused ("<!DOCTYPE html [ <!ENTITY a '>]'> ]><html/>", LC_PICTURE_ERROR_UNKNOWN_TYPE);
}

static void
test_too_large (void)
{
  g_autoptr(GBytes) png = make_png (3, 2);
  gsize png_length;
  const guint8 *png_data = g_bytes_get_data (png, &png_length);
  guint8 *data = g_malloc0 (LC_PICTURE_MAX_BYTES + 1);
  g_autoptr(GBytes) largest = NULL;
  g_autoptr(GBytes) too_large = NULL;
  g_autofree char *message = NULL;

  /* A PNG with zeros after its end: exactly the limit, then a byte more */
  memcpy (data, png_data, png_length);
  largest = g_bytes_new (data, LC_PICTURE_MAX_BYTES);
  too_large = g_bytes_new_take (data, LC_PICTURE_MAX_BYTES + 1);

  assert_accepted (largest, LC_PICTURE_PNG, 3, 2);
  message = assert_refused (too_large, LC_PICTURE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "8.0"));  /* and a non-breaking space */
  g_assert_nonnull (strstr (message, "MiB;"));
  g_assert_nonnull (strstr (message, "at most 8 MiB"));
}

static void
test_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autofree char *message = assert_refused (empty, LC_PICTURE_ERROR_DAMAGED);

  g_assert_nonnull (strstr (message, "empty"));
}

/* --- names ---------------------------------------------------------------- */

static void
test_name_valid (void)
{
  g_autofree char *longest = g_strconcat ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab", ".png", NULL);
  g_autofree char *too_long = g_strconcat ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abc", ".png", NULL);
  static const char * const good[] = {
    "a.png", "0.jpg", "photo-1.jpeg", "my_calf.v2.svg", "0123456789abcdef.png", "a-.png",
  };
  static const char * const bad[] = {
    "", ".", "..", ".png", "png", "a.", "x.gif", "a.svgz", "a.png.", "X.PNG", "x.PNG", "Photo.png",
    "../x.png", "..png", "a..png", "a/b.png", "/etc/x.png", "a\\b.png", "..\\x.png", "-a.png", "_a.png",
    "a b.png", "caf\xc3\xa9.png", "a.png\n", "a.png/", "a:b.png", "~a.png", "%2e%2e.png",
  };

  g_assert_cmpuint (strlen (longest), ==, 64);
  g_assert_cmpuint (strlen (too_long), ==, 65);
  g_assert_true (lc_picture_name_is_valid (longest));
  g_assert_false (lc_picture_name_is_valid (too_long));

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("good: %s", good[i]);
      g_assert_true (lc_picture_name_is_valid (good[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: %s", bad[i]);
      g_assert_false (lc_picture_name_is_valid (bad[i]));
    }
}

static void
test_name_for (void)
{
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) same = make_png (3, 2);
  g_autoptr(GBytes) other = make_png (2, 3);
  g_autoptr(GBytes) jpeg = make_jpeg (3, 2);
  g_autoptr(GBytes) svg = bytes_from_string (SVG_SIMPLE);
  g_autofree char *name = lc_picture_name_for (png, LC_PICTURE_PNG);
  g_autofree char *same_name = lc_picture_name_for (same, LC_PICTURE_PNG);
  g_autofree char *other_name = lc_picture_name_for (other, LC_PICTURE_PNG);
  g_autofree char *jpeg_name = lc_picture_name_for (jpeg, LC_PICTURE_JPEG);
  g_autofree char *svg_name = lc_picture_name_for (svg, LC_PICTURE_SVG);
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *expected = g_strdup_printf ("%.16s.png", checksum);

  g_assert_true (same != png);
  g_assert_cmpstr (name, ==, expected);
  g_assert_cmpuint (strlen (name), ==, 20);
  g_assert_cmpstr (name, ==, same_name);
  g_assert_cmpstr (name, !=, other_name);
  g_assert_true (g_str_has_suffix (jpeg_name, ".jpg"));
  g_assert_true (g_str_has_suffix (svg_name, ".svg"));
  g_assert_true (lc_picture_name_is_valid (name));
  g_assert_true (lc_picture_name_is_valid (jpeg_name));
  g_assert_true (lc_picture_name_is_valid (svg_name));
}

static void
test_type_extension (void)
{
  g_assert_cmpstr (lc_picture_type_get_extension (LC_PICTURE_PNG), ==, "png");
  g_assert_cmpstr (lc_picture_type_get_extension (LC_PICTURE_JPEG), ==, "jpg");
  g_assert_cmpstr (lc_picture_type_get_extension (LC_PICTURE_SVG), ==, "svg");
}

/* --- storing and loading ---------------------------------------------------- */

typedef struct
{
  GFile *tmp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("legcare-test-picture-XXXXXX", &error);

  g_assert_no_error (error);
  fixture->tmp = g_file_new_for_path (path);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (info == NULL)
    return;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GFileEnumerator) children = NULL;
      GFileInfo *child_info;

      g_chmod (path, 0700);
      children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
      g_assert_no_error (error);
      while ((child_info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
        {
          g_autoptr(GFileInfo) owned = child_info;
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (owned));

          remove_tree (child);
        }
      g_assert_no_error (error);
    }

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->tmp);
  g_assert_false (g_file_query_exists (fixture->tmp, NULL));
  g_clear_object (&fixture->tmp);
}

static guint
count_children (GFile *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
  GFileInfo *info;
  guint n = 0;

  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      n++;
      g_object_unref (info);
    }
  g_assert_no_error (error);
  return n;
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
write_file (GFile        *file,
            const guint8 *data,
            gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, (const char *) data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static guint64
inode_of (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_INODE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, &error);

  g_assert_no_error (error);
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
}

static char *
store (GBytes *data,
       GFile  *dir)
{
  g_autoptr(GError) error = NULL;
  char *name = lc_picture_store (data, dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (name);
  return name;
}

static void
test_store_once (Fixture       *fixture,
                 gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GFile) nested = g_file_get_child (dir, "custom");
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) same = make_png (3, 2);
  g_autoptr(GBytes) jpeg = make_jpeg (3, 2);
  g_autofree char *expected = lc_picture_name_for (png, LC_PICTURE_PNG);
  g_autofree char *name = store (png, nested);
  g_autoptr(GFile) file = g_file_get_child (nested, name);
  g_autoptr(GBytes) written = read_file (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *second = NULL;
  g_autofree char *jpeg_name = NULL;
  guint64 inode = inode_of (file);

  /* The folder and its parent were created; the file is the picture */
  g_assert_cmpstr (name, ==, expected);
  g_assert_true (g_bytes_equal (written, png));
  g_assert_cmpuint (count_children (nested), ==, 1);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777, ==, 0600);

  /* The same picture again: the same name, the file untouched */
  second = store (same, nested);
  g_assert_cmpstr (second, ==, name);
  g_assert_cmpuint (count_children (nested), ==, 1);
  g_assert_cmpuint (inode_of (file), ==, inode);
  g_clear_pointer (&written, g_bytes_unref);
  written = read_file (file);
  g_assert_true (g_bytes_equal (written, png));

  /* Another picture: another file */
  jpeg_name = store (jpeg, nested);
  g_assert_cmpstr (jpeg_name, !=, name);
  g_assert_true (g_str_has_suffix (jpeg_name, ".jpg"));
  g_assert_cmpuint (count_children (nested), ==, 2);
}

static void
test_store_replaces_wrong_file (Fixture       *fixture,
                                gconstpointer  unused)
{
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autofree char *name = lc_picture_name_for (png, LC_PICTURE_PNG);
  g_autoptr(GFile) file = g_file_get_child (fixture->tmp, name);
  g_autofree char *stored = NULL;
  g_autoptr(GBytes) written = NULL;

  /* A file cut short under the picture's name is not the picture */
  write_file (file, g_bytes_get_data (png, NULL), 10);
  stored = store (png, fixture->tmp);
  g_assert_cmpstr (stored, ==, name);
  written = read_file (file);
  g_assert_true (g_bytes_equal (written, png));
  g_assert_cmpuint (count_children (fixture->tmp), ==, 1);

  /* Nor is one of the right size whose blocks a power cut left as zeros:
   * its bytes are compared, not only its size. */
  {
    gsize length = g_bytes_get_size (png);
    g_autofree guint8 *zeros = g_malloc0 (length);
    g_autoptr(GError) error = NULL;
    g_autofree char *again = NULL;
    gboolean created = FALSE;

    write_file (file, zeros, length);
    again = lc_picture_store (png, fixture->tmp, &created, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, name);
    g_assert_true (created);
    g_clear_pointer (&written, g_bytes_unref);
    written = read_file (file);
    g_assert_true (g_bytes_equal (written, png));
    g_assert_cmpuint (count_children (fixture->tmp), ==, 1);
  }
}

static void
test_store_refused (Fixture       *fixture,
                    gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GBytes) bomb = make_png (100000, 100000);
  g_autoptr(GBytes) text = bytes_from_string ("not a picture");
  g_autoptr(GError) error = NULL;
  char *name;

  name = lc_picture_store (bomb, dir, NULL, &error);
  g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_assert_null (name);
  g_clear_error (&error);

  name = lc_picture_store (text, dir, NULL, &error);
  g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_UNKNOWN_TYPE);
  g_assert_null (name);

  /* Not even the folder was created */
  g_assert_false (g_file_query_exists (dir, NULL));
}

/* Makes @dir read-only; FALSE (the test skipped) where that does not stop
 * writing, as for root. */
static gboolean
make_read_only (GFile *dir)
{
  g_autoptr(GFile) probe = g_file_get_child (dir, "probe");
  g_autofree char *path = g_file_get_path (dir);

  g_assert_cmpint (g_chmod (path, 0500), ==, 0);
  if (g_file_replace_contents (probe, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL))
    {
      g_file_delete (probe, NULL, NULL);
      g_test_skip ("a read-only folder can be written to here (running as root?)");
      return FALSE;
    }

  return TRUE;
}

static void
test_store_read_only (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "read-only");
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GError) error = NULL;
  char *name;

  g_file_make_directory (dir, NULL, &error);
  g_assert_no_error (error);
  if (!make_read_only (dir))
    return;

  name = lc_picture_store (png, dir, NULL, &error);
  g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (name);
  g_assert_cmpuint (count_children (dir), ==, 0);
}

static void
test_store_not_a_folder (Fixture       *fixture,
                         gconstpointer  unused)
{
  g_autoptr(GFile) file = g_file_get_child (fixture->tmp, "file");
  g_autoptr(GFile) below = g_file_get_child (file, "pictures");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  /* Works as root too, unlike a read-only folder */
  write_file (file, (const guint8 *) "x", 1);

  name = lc_picture_store (png, file, NULL, &error);
  g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (name);
  g_clear_error (&error);

  name = lc_picture_store (png, below, NULL, &error);
  g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (name);

  written = read_file (file);
  g_assert_cmpuint (g_bytes_get_size (written), ==, 1);
  g_assert_cmpuint (count_children (fixture->tmp), ==, 1);
}

static void
test_load_round_trip (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) jpeg = make_jpeg (640, 480);
  g_autoptr(GBytes) svg = bytes_from_string (SVG_SIMPLE);
  GBytes *pictures[] = { png, jpeg, svg };

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autofree char *name = store (pictures[i], fixture->tmp);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) loaded = lc_picture_load (fixture->tmp, name, &error);

      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      g_assert_true (g_bytes_equal (loaded, pictures[i]));
    }
}

static void
test_load_invalid_name (Fixture       *fixture,
                        gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GFile) outside = g_file_get_child (fixture->tmp, "x.png");
  g_autofree char *outside_path = g_file_get_path (outside);
  const char *names[] = { "../x.png", "./../x.png", "sub/../../x.png", outside_path, "X.PNG", "", "a\\..\\x.png",
                          "\xff\xfe.png" };

  /* A real picture just outside the folder: never reached */
  g_file_make_directory (dir, NULL, NULL);
  write_file (outside, g_bytes_get_data (png, NULL), g_bytes_get_size (png));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) loaded = lc_picture_load (dir, names[i], &error);
      g_autofree char *escaped = g_strescape (names[i], NULL);

      g_test_message ("name: %s", escaped);
      g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_INVALID_NAME);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (loaded);
    }
}

static void
assert_load_fails (GFile          *dir,
                   const char     *name,
                   LcPictureError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) loaded = lc_picture_load (dir, name, &error);

  g_assert_error (error, LC_PICTURE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (loaded);
}

static void
test_load_refused (Fixture       *fixture,
                   gconstpointer  unused)
{
  g_autoptr(GFile) big = g_file_get_child (fixture->tmp, "big.png");
  g_autoptr(GFile) text = g_file_get_child (fixture->tmp, "text.png");
  g_autoptr(GFile) bomb = g_file_get_child (fixture->tmp, "bomb.png");
  g_autoptr(GFile) disguised = g_file_get_child (fixture->tmp, "disguised.svg");
  g_autoptr(GFile) folder = g_file_get_child (fixture->tmp, "folder.png");
  g_autoptr(GFile) fifo = g_file_get_child (fixture->tmp, "fifo.png");
  g_autofree char *fifo_path = g_file_get_path (fifo);
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) bomb_png = make_png (100000, 100000);
  gsize png_length;
  const guint8 *png_data = g_bytes_get_data (png, &png_length);
  g_autofree guint8 *big_data = g_malloc0 (LC_PICTURE_MAX_BYTES + 1);
  g_autoptr(GError) error = NULL;

  memcpy (big_data, png_data, png_length);
  write_file (big, big_data, LC_PICTURE_MAX_BYTES + 1);
  write_file (text, (const guint8 *) "hello", 5);
  write_file (bomb, g_bytes_get_data (bomb_png, NULL), g_bytes_get_size (bomb_png));
  write_file (disguised, png_data, png_length);
  g_file_make_directory (folder, NULL, &error);
  g_assert_no_error (error);

  assert_load_fails (fixture->tmp, "missing.png", LC_PICTURE_ERROR_IO);
  assert_load_fails (fixture->tmp, "big.png", LC_PICTURE_ERROR_TOO_LARGE);
  assert_load_fails (fixture->tmp, "text.png", LC_PICTURE_ERROR_UNKNOWN_TYPE);
  assert_load_fails (fixture->tmp, "bomb.png", LC_PICTURE_ERROR_TOO_MANY_PIXELS);
  assert_load_fails (fixture->tmp, "disguised.svg", LC_PICTURE_ERROR_DAMAGED);
  assert_load_fails (fixture->tmp, "folder.png", LC_PICTURE_ERROR_IO);

  /* A FIFO would block a read for ever: the alarm ends the test instead */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  alarm (10);
  assert_load_fails (fixture->tmp, "fifo.png", LC_PICTURE_ERROR_IO);
  alarm (0);
}

/* --- removing unused pictures ---------------------------------------------- */

#define DAY (24 * 60 * 60)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The file's own time, not its target's, for a symbolic link */
static void
set_mtime (GFile  *file,
           gint64  seconds)
{
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, (guint64) seconds,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
}

static gint64
get_mtime (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);

  g_assert_no_error (error);
  return (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
}

/* Stored, then made @age seconds old */
static GFile *
store_aged (GBytes *data,
            GFile  *dir,
            gint64  age)
{
  g_autofree char *name = store (data, dir);
  GFile *file = g_file_get_child (dir, name);

  set_mtime (file, now_seconds () - age);
  return file;
}

static GHashTable *
names_set (const char *first,
           ...)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_hash_table_add (set, g_strdup (name));
  va_end (args);
  return set;
}

static void
test_remove_unused (Fixture       *fixture,
                    gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) jpeg = make_jpeg (3, 2);
  g_autoptr(GBytes) svg = bytes_from_string (SVG_SIMPLE);
  g_autoptr(GBytes) other_png = make_png (4, 4);
  g_autoptr(GFile) used_old = store_aged (png, dir, 30 * DAY);
  g_autoptr(GFile) unused_old = store_aged (jpeg, dir, 2 * DAY);
  g_autoptr(GFile) unused_new = store_aged (svg, dir, DAY / 2);
  g_autoptr(GFile) invalid_name = g_file_get_child (dir, "Holiday.PNG");
  g_autoptr(GFile) other_file = g_file_get_child (dir, "notes.txt");
  g_autoptr(GFile) folder = g_file_get_child (dir, "0123456789abcdef.png");
  g_autoptr(GFile) folder_child = g_file_get_child (folder, "fedcba9876543210.png");
  g_autoptr(GFile) target = g_file_get_child (fixture->tmp, "target.png");
  g_autoptr(GFile) link = g_file_get_child (dir, "aaaaaaaaaaaaaaaa.png");
  g_autofree char *used_name = g_file_get_basename (used_old);
  g_autoptr(GHashTable) used = names_set (used_name, "missing0000000000.png", NULL);
  g_autoptr(GBytes) target_contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 99;

  write_file (invalid_name, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  write_file (other_file, (const guint8 *) "x", 1);
  g_file_make_directory (folder, NULL, &error);
  g_assert_no_error (error);
  write_file (folder_child, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  write_file (target, g_bytes_get_data (other_png, NULL), g_bytes_get_size (other_png));
  g_file_make_symbolic_link (link, "../target.png", NULL, &error);
  g_assert_no_error (error);
  set_mtime (invalid_name, now_seconds () - 30 * DAY);
  set_mtime (other_file, now_seconds () - 30 * DAY);
  set_mtime (folder_child, now_seconds () - 30 * DAY);
  set_mtime (folder, now_seconds () - 30 * DAY);
  set_mtime (target, now_seconds () - 30 * DAY);
  set_mtime (link, now_seconds () - 30 * DAY);
  g_assert_cmpuint (count_children (dir), ==, 7);

  g_assert_true (lc_picture_remove_unused (dir, used, now_seconds () - DAY, &n_removed, &error));
  g_assert_no_error (error);

  /* Only the picture that is unused and old */
  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_false (g_file_query_exists (unused_old, NULL));
  g_assert_cmpuint (count_children (dir), ==, 6);
  g_assert_true (g_file_query_exists (used_old, NULL));
  g_assert_true (g_file_query_exists (unused_new, NULL));
  g_assert_true (g_file_query_exists (invalid_name, NULL));
  g_assert_true (g_file_query_exists (other_file, NULL));
  g_assert_true (g_file_query_exists (folder_child, NULL));
  g_assert_cmpint (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL), ==,
                   G_FILE_TYPE_DIRECTORY);
  g_assert_cmpint (g_file_query_file_type (link, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL), ==,
                   G_FILE_TYPE_SYMBOLIC_LINK);
  target_contents = read_file (target);
  g_assert_true (g_bytes_equal (target_contents, other_png));

  /* Again: nothing more; and with nothing in use, the used one goes too */
  g_assert_true (lc_picture_remove_unused (dir, used, now_seconds () - DAY, &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 0);
  g_hash_table_remove_all (used);
  g_assert_true (lc_picture_remove_unused (dir, used, now_seconds () - DAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (used_old, NULL));
  g_assert_true (g_file_query_exists (unused_new, NULL));
  g_assert_cmpuint (count_children (dir), ==, 5);
}

static void
test_remove_unused_missing (Fixture       *fixture,
                            gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GHashTable) used = names_set (NULL);
  g_autoptr(GError) error = NULL;
  guint n_removed = 99;

  g_assert_true (lc_picture_remove_unused (dir, used, now_seconds (), &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 0);
  g_assert_false (g_file_query_exists (dir, NULL));
}

static void
test_remove_unused_not_a_folder (Fixture       *fixture,
                                 gconstpointer  unused)
{
  g_autoptr(GFile) file = g_file_get_child (fixture->tmp, "pictures");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GHashTable) used = names_set (NULL);
  g_autoptr(GError) error = NULL;
  guint n_removed = 99;

  write_file (file, (const guint8 *) "x", 1);
  g_assert_false (lc_picture_remove_unused (file, used, now_seconds (), &n_removed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (n_removed, ==, 0);
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
test_remove_unused_read_only (Fixture       *fixture,
                              gconstpointer  unused)
{
  g_autoptr(GFile) dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) jpeg = make_jpeg (3, 2);
  g_autoptr(GFile) first = store_aged (png, dir, 2 * DAY);
  g_autoptr(GFile) second = store_aged (jpeg, dir, 2 * DAY);
  g_autoptr(GHashTable) used = names_set (NULL);
  g_autoptr(GError) error = NULL;
  guint n_removed = 99;

  if (!make_read_only (dir))
    return;

  /* Each file is logged and skipped; the others are still tried */
  g_test_expect_message ("legcare-core", G_LOG_LEVEL_WARNING, "*could not be removed*");
  g_test_expect_message ("legcare-core", G_LOG_LEVEL_WARNING, "*could not be removed*");
  g_assert_true (lc_picture_remove_unused (dir, used, now_seconds () - DAY, &n_removed, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 0);
  g_assert_true (g_file_query_exists (first, NULL));
  g_assert_true (g_file_query_exists (second, NULL));
}

/* Choosing a picture that is already stored makes it new again: the editor
 * that chose it may keep it unsaved for a while */
static void
test_store_again_is_new (Fixture       *fixture,
                         gconstpointer  unused)
{
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GFile) file = store_aged (png, fixture->tmp, 30 * DAY);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  gint64 before = now_seconds ();

  g_assert_cmpint (get_mtime (file), <, before - 29 * DAY);
  name = store (png, fixture->tmp);
  g_assert_cmpstr (name, ==, basename);
  g_assert_cmpint (get_mtime (file), >=, before);
  g_assert_cmpuint (count_children (fixture->tmp), ==, 1);
}

/* A routine of the user's showing pictures %s and %s */
#define ROUTINE_WITH_PICTURES \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<routine id=\"%s\" version=\"1\">\n" \
  "  <name>Knee Routine</name>\n" \
  "  <summary>Bend the knee.</summary>\n" \
  "  <category>stretching</category>\n" \
  "  <step id=\"bend\" picture=\"%s\" duration=\"30\">\n" \
  "    <title>Knee Bends</title>\n" \
  "    <instruction>Bend the knee slowly.</instruction>\n" \
  "    <cue>Knee bends.</cue>\n" \
  "  </step>\n" \
  "  <step id=\"stretch\" picture=\"%s\" duration=\"20\">\n" \
  "    <title>Knee Stretch</title>\n" \
  "    <instruction>Stretch the knee.</instruction>\n" \
  "    <cue>Stretch.</cue>\n" \
  "  </step>\n" \
  "</routine>\n"

static void
write_routine (GFile      *dir,
               const char *file_name,
               const char *id,
               const char *first,
               const char *second)
{
  g_autoptr(GFile) file = g_file_get_child (dir, file_name);
  g_autofree char *xml = g_strdup_printf (ROUTINE_WITH_PICTURES, id, first, second);

  write_file (file, (const guint8 *) xml, strlen (xml));
}

static void
test_collect_used (Fixture       *fixture,
                   gconstpointer  unused)
{
  g_autoptr(GFile) routines_dir = g_file_get_child (fixture->tmp, "routines");
  g_autoptr(GFile) pictures_dir = g_file_get_child (fixture->tmp, "pictures");
  g_autoptr(GFile) broken = g_file_get_child (routines_dir, "broken.xml");
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (NULL);
  g_autoptr(LcRoutineLibrary) library = lc_routine_library_new (loader, NULL, routines_dir, pictures_dir);
  g_autoptr(GBytes) png = make_png (3, 2);
  g_autoptr(GBytes) jpeg = make_jpeg (3, 2);
  g_autoptr(GBytes) svg = bytes_from_string (SVG_SIMPLE);
  g_autofree char *png_name = store (png, pictures_dir);
  g_autofree char *jpeg_name = store (jpeg, pictures_dir);
  g_autofree char *svg_name = store (svg, pictures_dir);
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GError) error = NULL;

  g_file_make_directory (routines_dir, NULL, &error);
  g_assert_no_error (error);
  lc_routine_loader_set_picture_dir (loader, pictures_dir);

  /* Every file loads: the pictures of all their steps */
  write_routine (routines_dir, "a.xml", "a", png_name, jpeg_name);
  write_routine (routines_dir, "b.xml", "b", png_name, png_name);
  lc_routine_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (library)), ==, 2);
  used = lc_routine_library_collect_pictures (library);
  g_assert_nonnull (used);
  g_assert_cmpuint (g_hash_table_size (used), ==, 2);
  g_assert_true (g_hash_table_contains (used, png_name));
  g_assert_true (g_hash_table_contains (used, jpeg_name));
  g_clear_pointer (&used, g_hash_table_unref);

  /* A file that does not load may name the SVG: nothing may be removed */
  write_file (broken, (const guint8 *) "<routine", 8);
  lc_routine_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_problems (library)), ==, 1);
  g_assert_null (lc_routine_library_collect_pictures (library));

  /* So is a file whose picture is missing, or that repeats an id */
  g_file_delete (broken, NULL, &error);
  g_assert_no_error (error);
  write_routine (routines_dir, "c.xml", "c", svg_name, "0000000000000000.png");
  lc_routine_library_load (library);
  g_assert_null (lc_routine_library_collect_pictures (library));
  write_routine (routines_dir, "c.xml", "a", svg_name, svg_name);
  lc_routine_library_load (library);
  g_assert_null (lc_routine_library_collect_pictures (library));

  /* Fixed: the SVG is in use again */
  write_routine (routines_dir, "c.xml", "c", svg_name, svg_name);
  lc_routine_library_load (library);
  used = lc_routine_library_collect_pictures (library);
  g_assert_nonnull (used);
  g_assert_cmpuint (g_hash_table_size (used), ==, 3);
  g_assert_true (g_hash_table_contains (used, svg_name));
}

/* An SVG of too many elements would take hundreds of megabytes to draw:
 * refused, with the reason; one at the limit is fine. */
static void
test_svg_elements (void)
{
  for (guint extra = 0; extra <= 1; extra++)
    {
      /* The <svg> element counts too */
      guint n = LC_PICTURE_MAX_SVG_ELEMENTS - 1 + extra;
      GString *text = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      for (guint i = 0; i < n; i++)
        g_string_append (text, "<rect width=\"1\" height=\"1\"/>");
      g_string_append (text, "</svg>");
      bytes = g_string_free_to_bytes (text);

      ok = lc_picture_check (bytes, NULL, NULL, NULL, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "more than 20000 elements"));
        }
    }
}

/* The pixel the test pictures have at (x, y) */
static void
assert_pixel (GBytes *pixels,
              guint   width,
              guint   x,
              guint   y,
              guint8  r,
              guint8  g,
              guint8  b,
              guint8  a)
{
  const guint8 *p = (const guint8 *) g_bytes_get_data (pixels, NULL) + ((gsize) y * width + x) * 4;

  g_assert_cmpuint (p[0], ==, r);
  g_assert_cmpuint (p[1], ==, g);
  g_assert_cmpuint (p[2], ==, b);
  g_assert_cmpuint (p[3], ==, a);
}

/* A PNG decoded at the size it is shown: never larger than it is, the
 * proportions kept, the pixels averaged */
static void
test_png_decode (void)
{
  g_autoptr(GBytes) small = make_png (3, 2);
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GError) error = NULL;
  guint width = 0, height = 0;

  /* Not enlarged: the pixels as they are, RGBA */
  pixels = lc_picture_decode_png (small, 100, 100, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 3);
  g_assert_cmpuint (height, ==, 2);
  for (guint y = 0; y < 2; y++)
    for (guint x = 0; x < 3; x++)
      assert_pixel (pixels, 3, x, y, 0x35, 0x84, (x * 40 + y * 20) & 0xff, 0xff);
  g_clear_pointer (&pixels, g_bytes_unref);

  /* To one pixel: the mean (0 + 40 + 80 + 20 + 60 + 100) / 6 = 50 */
  pixels = lc_picture_decode_png (small, 1, 1, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 1);
  g_assert_cmpuint (height, ==, 1);
  assert_pixel (pixels, 1, 0, 0, 0x35, 0x84, 50, 0xff);
  g_clear_pointer (&pixels, g_bytes_unref);

  /* Damaged data: an error, not a crash */
  {
    gsize length;
    const guint8 *data = g_bytes_get_data (small, &length);
    g_autoptr(GBytes) cut = g_bytes_new (data, length - 20);

    pixels = lc_picture_decode_png (cut, 10, 10, &width, &height, &error);
    g_assert_null (pixels);
    g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED);
    g_clear_error (&error);
  }

  /* Interlaced: left to the caller */
  {
    PngSpec spec = { 3, 2, 8, 2, 0, 0, 1, FALSE };
    g_autoptr(GByteArray) array = png_array (&spec);
    g_autoptr(GBytes) interlaced = bytes_from_array (array);

    pixels = lc_picture_decode_png (interlaced, 10, 10, &width, &height, &error);
    g_assert_null (pixels);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
  }
}

static gsize
max_rss_bytes (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return (gsize) usage.ru_maxrss * 1024;
}

/* A picture of 40 million pixels shown at 320 × 200: decoded a row at a
 * time, its memory is some rows, not the 160 MB of the whole picture. In a
 * process of its own, so that the high-water mark is this decode's. */
static void
test_png_decode_large (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) png = lc_test_make_large_png (8000, 5000);
      g_autoptr(GBytes) pixels = NULL;
      g_autoptr(GError) error = NULL;
      guint width = 0, height = 0;
      gsize before;

      g_assert_true (lc_picture_check (png, NULL, &width, &height, &error));
      g_assert_no_error (error);
      before = max_rss_bytes ();
      pixels = lc_picture_decode_png (png, 320, 320, &width, &height, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (width, ==, 320);
      g_assert_cmpuint (height, ==, 200);
      /* Each result pixel is the mean of 25 × 25 of the picture's, whose
       * red grows by one every 32 columns: columns 500-524 are 12 of 15 and
       * 13 of 16, 15.52 */
      assert_pixel (pixels, 320, 0, 0, 0, 0, 0x80, 0xff);
      assert_pixel (pixels, 320, 20, 0, 16, 0, 0x80, 0xff);
      assert_pixel (pixels, 320, 319, 199, 249, 155, 0x80, 0xff);
      g_test_message ("the PNG: %" G_GSIZE_FORMAT " bytes; the decode's peak: %" G_GSIZE_FORMAT " KiB more",
                      g_bytes_get_size (png), (max_rss_bytes () - before) / 1024);
      g_assert_cmpuint (max_rss_bytes () - before, <, 16 * 1024 * 1024);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/picture/png/valid", test_png_valid);
  g_test_add_func ("/picture/png/limits", test_png_limits);
  g_test_add_func ("/picture/png/damaged", test_png_damaged);
  g_test_add_func ("/picture/png/decode", test_png_decode);
  g_test_add_func ("/picture/png/decode-large", test_png_decode_large);
  g_test_add_func ("/picture/jpeg/valid", test_jpeg_valid);
  g_test_add_func ("/picture/jpeg/limits", test_jpeg_limits);
  g_test_add_func ("/picture/jpeg/damaged", test_jpeg_damaged);
  g_test_add_func ("/picture/svg/valid", test_svg_valid);
  g_test_add_func ("/picture/svg/declarations", test_svg_declarations);
  g_test_add_func ("/picture/svg/elements", test_svg_elements);
  g_test_add_func ("/picture/svg/malformed", test_svg_malformed);
  g_test_add_func ("/picture/svg/not-utf8", test_svg_not_utf8);
  g_test_add_func ("/picture/unknown-type", test_unknown_type);
  g_test_add_func ("/picture/too-large", test_too_large);
  g_test_add_func ("/picture/empty", test_empty);
  g_test_add_func ("/picture/name/valid", test_name_valid);
  g_test_add_func ("/picture/name/for", test_name_for);
  g_test_add_func ("/picture/type-extension", test_type_extension);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/picture/store/once", test_store_once);
  ADD ("/picture/store/replaces-wrong-file", test_store_replaces_wrong_file);
  ADD ("/picture/store/refused", test_store_refused);
  ADD ("/picture/store/read-only", test_store_read_only);
  ADD ("/picture/store/not-a-folder", test_store_not_a_folder);
  ADD ("/picture/load/round-trip", test_load_round_trip);
  ADD ("/picture/load/invalid-name", test_load_invalid_name);
  ADD ("/picture/load/refused", test_load_refused);
  ADD ("/picture/store/again-is-new", test_store_again_is_new);
  ADD ("/picture/remove-unused/only-unused-old-files", test_remove_unused);
  ADD ("/picture/remove-unused/missing-folder", test_remove_unused_missing);
  ADD ("/picture/remove-unused/not-a-folder", test_remove_unused_not_a_folder);
  ADD ("/picture/remove-unused/read-only", test_remove_unused_read_only);
  ADD ("/picture/collect-used", test_collect_used);
#undef ADD

  return g_test_run ();
}
