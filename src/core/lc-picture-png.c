/* lc-picture-png.c: a PNG decoded at the size it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gdk-pixbuf's PNG loader decodes the whole picture and only then scales
 * it: a photo of 40 million pixels (LC_PICTURE_MAX_PIXELS) takes 160 MB
 * for a thumbnail of 200 × 150. Here libpng hands the picture over a row
 * at a time, and each row is added into the row of the smaller picture it
 * falls in (a box filter, with the colours weighted by their opacity), so
 * the memory is one row of the picture and one of the result, whatever
 * the picture's size.
 *
 * An interlaced PNG comes in seven passes over the whole picture: it can't
 * be read a row at a time, and is left to the caller (G_IO_ERROR_NOT_SUPPORTED).
 */

#include "config.h"

#include <setjmp.h>
#include <string.h>
#include <png.h>
#include <glib/gi18n-lib.h>

#include "lc-error.h"
#include "lc-picture.h"

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         position;
  char         *message;   /* libpng's, when it failed */
} Input;

static void
read_cb (png_structp png,
         png_bytep   out,
         png_size_t  length)
{
  Input *input = png_get_io_ptr (png);

  if (input->length - input->position < length)
    png_error (png, "it ends too early");

  memcpy (out, input->data + input->position, length);
  input->position += length;
}

static void
error_cb (png_structp     png,
          png_const_charp message)
{
  Input *input = png_get_error_ptr (png);

  g_free (input->message);
  input->message = g_utf8_make_valid (message, -1);
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
}

/* Everything the decode allocates, freed whether it ends or fails. On
 * the heap: libpng leaves through longjmp, after which locals changed
 * since setjmp() can't be trusted. */
typedef struct
{
  Input       input;
  png_structp png;
  png_infop   info;
  guint8     *row;         /* one row of the picture, RGBA */
  guint      *column_of;   /* the result column of each picture column */
  guint64    *sums;        /* per pixel of a result row: R·A, G·A, B·A, A */
  guint      *counts;      /* how many pixels went into each */
  guint8     *out;         /* the result */
} Decode;

static void
decode_free (Decode *decode)
{
  png_destroy_read_struct (&decode->png, &decode->info, NULL);
  g_free (decode->input.message);
  g_free (decode->row);
  g_free (decode->column_of);
  g_free (decode->sums);
  g_free (decode->counts);
  g_free (decode->out);
  g_free (decode);
}

/* The result row from the sums of the picture's rows that fell in it */
static void
emit_row (Decode *decode,
          guint   out_width,
          guint   out_y)
{
  guint8 *dest = decode->out + (gsize) out_y * out_width * 4;

  for (guint x = 0; x < out_width; x++)
    {
      guint64 *sum = decode->sums + (gsize) x * 4;
      guint count = MAX (decode->counts[x], 1);

      if (sum[3] == 0)
        memset (dest + x * 4, 0, 4);
      else
        {
          for (guint c = 0; c < 3; c++)
            dest[x * 4 + c] = (guint8) ((sum[c] + sum[3] / 2) / sum[3]);
          dest[x * 4 + 3] = (guint8) ((sum[3] + count / 2) / count);
        }
    }

  memset (decode->sums, 0, (gsize) out_width * 4 * sizeof (guint64));
  memset (decode->counts, 0, (gsize) out_width * sizeof (guint));
}

/**
 * lc_picture_decode_png:
 * @data: a PNG picture that passed lc_picture_check()
 * @max_width: the largest width to show it at
 * @max_height: the largest height
 * @width: (out): the result's width
 * @height: (out): the result's height
 * @error: return location for an error; %G_IO_ERROR_NOT_SUPPORTED for an
 *   interlaced picture, which can't be read a row at a time
 *
 * Decodes @data scaled to fit @max_width × @max_height (never enlarged),
 * keeping its proportions, a row at a time: the memory this takes does
 * not depend on the picture's size.
 *
 * Returns: (transfer full): the pixels, RGBA, 8 bits each, not
 *   premultiplied, rows of @width × 4 bytes; or %NULL with @error set
 */
GBytes *
lc_picture_decode_png (GBytes  *data,
                       guint    max_width,
                       guint    max_height,
                       guint   *width,
                       guint   *height,
                       GError **error)
{
  Decode *decode;
  png_uint_32 src_width;
  png_uint_32 src_height;
  int bit_depth;
  int colour_type;
  int interlace;
  guint out_width;
  guint out_height;
  guint out_y = 0;
  double scale;
  GBytes *result;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (max_width > 0 && max_height > 0, NULL);

  decode = g_new0 (Decode, 1);
  decode->input.data = g_bytes_get_data (data, &decode->input.length);

  decode->png = png_create_read_struct (PNG_LIBPNG_VER_STRING, &decode->input, error_cb, warning_cb);
  if (decode->png != NULL)
    decode->info = png_create_info_struct (decode->png);
  if (decode->png == NULL || decode->info == NULL)
    {
      decode_free (decode);
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED, _("The picture could not be read"));
      return NULL;
    }

  if (setjmp (png_jmpbuf (decode->png)))
    {
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED,
                    /* Translators: %s is what the PNG library says is wrong */
                    _("The picture could not be read: %s"),
                    decode->input.message != NULL ? decode->input.message : "");
      decode_free (decode);
      return NULL;
    }

  /* The limits were checked by lc_picture_check(); libpng checks them again */
  png_set_user_limits (decode->png, LC_PICTURE_MAX_SIDE, LC_PICTURE_MAX_SIDE);
  png_set_read_fn (decode->png, &decode->input, read_cb);
  png_read_info (decode->png, decode->info);
  png_get_IHDR (decode->png, decode->info, &src_width, &src_height, &bit_depth, &colour_type, &interlace,
                NULL, NULL);

  if (interlace != PNG_INTERLACE_NONE)
    {
      decode_free (decode);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "an interlaced PNG is not read a row at a time");
      return NULL;
    }
  if ((guint64) src_width * src_height > LC_PICTURE_MAX_PIXELS)
    png_error (decode->png, "too many pixels");

  /* Whatever its kind: 8-bit RGBA */
  png_set_expand (decode->png);
  png_set_scale_16 (decode->png);
  png_set_gray_to_rgb (decode->png);
  png_set_add_alpha (decode->png, 0xff, PNG_FILLER_AFTER);
  png_read_update_info (decode->png, decode->info);
  if (png_get_rowbytes (decode->png, decode->info) != (gsize) src_width * 4)
    png_error (decode->png, "unexpected pixel format");

  scale = MIN (1.0, MIN ((double) max_width / src_width, (double) max_height / src_height));
  out_width = CLAMP ((guint) (src_width * scale + 0.5), 1, src_width);
  out_height = CLAMP ((guint) (src_height * scale + 0.5), 1, src_height);

  decode->row = g_malloc ((gsize) src_width * 4);
  decode->sums = g_new0 (guint64, (gsize) out_width * 4);
  decode->counts = g_new0 (guint, out_width);
  decode->out = g_malloc ((gsize) out_width * out_height * 4);
  decode->column_of = g_new (guint, src_width);
  for (guint x = 0; x < src_width; x++)
    decode->column_of[x] = (guint) ((guint64) x * out_width / src_width);

  for (guint y = 0; y < src_height; y++)
    {
      guint row_y = (guint) ((guint64) y * out_height / src_height);

      if (row_y != out_y)
        emit_row (decode, out_width, out_y++);

      png_read_row (decode->png, decode->row, NULL);
      for (guint x = 0; x < src_width; x++)
        {
          const guint8 *pixel = decode->row + (gsize) x * 4;
          guint column = decode->column_of[x];
          guint64 *sum = decode->sums + (gsize) column * 4;

          sum[0] += (guint64) pixel[0] * pixel[3];
          sum[1] += (guint64) pixel[1] * pixel[3];
          sum[2] += (guint64) pixel[2] * pixel[3];
          sum[3] += pixel[3];
          decode->counts[column]++;
        }
    }
  emit_row (decode, out_width, out_y);
  png_read_end (decode->png, NULL);

  *width = out_width;
  *height = out_height;
  result = g_bytes_new_take (g_steal_pointer (&decode->out), (gsize) out_width * out_height * 4);
  decode_free (decode);

  return result;
}
