/* lc-picture.c: the people's own pictures for exercise steps, checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People add their own pictures to the steps of their routines, and
 * pictures also arrive inside routine files shared by strangers. The GTK
 * side decodes them with gdk-pixbuf (PNGs a row at a time, at the size
 * they are shown, with lc_picture_decode_png() in lc-picture-png.c), but
 * only after lc_picture_check() has read their headers here, with nothing
 * but GLib, and refused:
 *
 * - files of more than LC_PICTURE_MAX_BYTES;
 * - anything but PNG, JPEG and SVG, told apart by their first bytes (never
 *   by a file name);
 * - PNG and JPEG files whose headers are cut short or broken (the PNG
 *   image header's CRC included), or that claim more pixels than
 *   LC_PICTURE_MAX_SIDE a side or LC_PICTURE_MAX_PIXELS in all: a tiny
 *   file can claim 100000 × 100000 pixels, gigabytes once decoded;
 * - SVG files that are not UTF-8, not well-formed (GMarkup), whose root
 *   element is not <svg>, or that have a DTD or entity declarations
 *   anywhere: entity expansion ("billion laughs") turns a few kilobytes
 *   into gigabytes in the XML parser that librsvg uses.
 *
 * Every read of a header is bounds-checked against the data's length.
 *
 * Stored pictures are named by their content (lc_picture_name_for()), so
 * the same picture added twice, or arriving in two shared routines, is
 * one file.
 *
 * Nothing refers to a stored picture but the routine files, so one that
 * none of them names (its routine deleted, the picture replaced, the editor
 * cancelled) is removed by lc_picture_remove_unused() once it is
 * LC_PICTURE_UNUSED_SECONDS old, and only when every routine file loaded
 * (lc_routine_loader_collect_pictures()): a broken file may name pictures too.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-error.h"
#include "lc-paths.h"
#include "lc-picture.h"
#include "lc-routine.h"

G_DEFINE_QUARK (lc-picture-error-quark, lc_picture_error)

#define MAX_NAME_LENGTH 64

/* The PNG file signature, then the first chunk: length, "IHDR", 13 bytes
 * of image header and the CRC of type and data. */
static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
#define PNG_IHDR_LENGTH   13
#define PNG_HEADER_END    (8 + 4 + 4 + PNG_IHDR_LENGTH + 4)
#define PNG_MAX_VALUE     ((guint32) G_MAXINT32)  /* widths, heights, chunk lengths */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | (guint32) p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | (guint) p[1];
}

/* The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xedb88320),
 * bit by bit: only ever run on the 17 bytes of an image header. */
static guint32
png_crc32 (const guint8 *data,
           gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ ((crc & 1) != 0 ? 0xedb88320 : 0);
    }

  return crc ^ 0xffffffff;
}

static void
set_damaged (GError     **error,
             const char  *type_name,
             const char  *what)
{
  lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED,
               /* Translators: the first %s is PNG, JPEG or SVG, the second what is wrong, e.g. "it ends too early" */
               _("the %s picture is damaged (%s); save it again, or export it again from the app it comes from"),
               type_name, what);
}

/* Bit depths PNG allows for each colour type (bit n: depth n). */
static gboolean
png_format_is_valid (guint bit_depth,
                     guint colour_type)
{
  guint depths;

  switch (colour_type)
    {
    case 0: depths = (1 << 1) | (1 << 2) | (1 << 4) | (1 << 8) | (1 << 16); break;  /* grey */
    case 2: depths = (1 << 8) | (1 << 16); break;                                 /* RGB */
    case 3: depths = (1 << 1) | (1 << 2) | (1 << 4) | (1 << 8); break;             /* palette */
    case 4: depths = (1 << 8) | (1 << 16); break;                                 /* grey, alpha */
    case 6: depths = (1 << 8) | (1 << 16); break;                                 /* RGB, alpha */
    default: return FALSE;
    }

  return bit_depth <= 16 && (depths & (1u << bit_depth)) != 0;
}

/* The image header, then the chunks up to IEND: each one's length must
 * fit in the data, and there must be image data. Only IHDR is read. */
static gboolean
check_png (const guint8  *p,
           gsize          length,
           guint         *width,
           guint         *height,
           GError       **error)
{
  const guint8 *ihdr = p + 8;
  gboolean have_image_data = FALSE;
  gsize pos;

  if (length < PNG_HEADER_END)
    {
      set_damaged (error, "PNG", _("it ends too early"));
      return FALSE;
    }
  if (read_be32 (ihdr) != PNG_IHDR_LENGTH || memcmp (ihdr + 4, "IHDR", 4) != 0)
    {
      set_damaged (error, "PNG", _("it does not start with an image header"));
      return FALSE;
    }
  if (png_crc32 (ihdr + 4, 4 + PNG_IHDR_LENGTH) != read_be32 (ihdr + 8 + PNG_IHDR_LENGTH))
    {
      set_damaged (error, "PNG", _("the checksum of its image header is wrong"));
      return FALSE;
    }

  *width = read_be32 (ihdr + 8);
  *height = read_be32 (ihdr + 12);
  if (*width == 0 || *height == 0 || *width > PNG_MAX_VALUE || *height > PNG_MAX_VALUE)
    {
      set_damaged (error, "PNG", _("its width or height is 0 or impossibly large"));
      return FALSE;
    }
  /* Bit depth, colour type, compression, filter and interlace method */
  if (!png_format_is_valid (ihdr[16], ihdr[17]) || ihdr[18] != 0 || ihdr[19] != 0 || ihdr[20] > 1)
    {
      set_damaged (error, "PNG", _("its image header has an unknown pixel format"));
      return FALSE;
    }

  for (pos = PNG_HEADER_END;;)
    {
      guint32 chunk_length;
      const guint8 *chunk_type;

      /* Length, type and CRC: 12 bytes, then the data */
      if (length - pos < 12)
        {
          set_damaged (error, "PNG", _("it ends too early"));
          return FALSE;
        }
      chunk_length = read_be32 (p + pos);
      chunk_type = p + pos + 4;
      if (chunk_length > PNG_MAX_VALUE || length - pos - 12 < chunk_length)
        {
          set_damaged (error, "PNG", _("it ends too early"));
          return FALSE;
        }

      if (memcmp (chunk_type, "IEND", 4) == 0)
        break;
      if (memcmp (chunk_type, "IDAT", 4) == 0)
        have_image_data = TRUE;

      pos += 12 + (gsize) chunk_length;
    }

  if (!have_image_data)
    {
      set_damaged (error, "PNG", _("it has no image data"));
      return FALSE;
    }

  return TRUE;
}

/* Start of frame: SOF0 to SOF15, but for DHT (C4), JPG (C8) and DAC (CC). */
static gboolean
is_jpeg_frame_marker (guint marker)
{
  return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

/* The markers after SOI, up to the first frame header, which has the size.
 * p[0..2] are FF D8 FF. */
static gboolean
check_jpeg (const guint8  *p,
            gsize          length,
            guint         *width,
            guint         *height,
            GError       **error)
{
  gsize pos = 2;

  for (;;)
    {
      guint marker;
      gsize segment_length;

      if (pos >= length)
        {
          set_damaged (error, "JPEG", _("it ends before its size"));
          return FALSE;
        }
      if (p[pos] != 0xff)
        {
          set_damaged (error, "JPEG", _("a part of it does not start where it should"));
          return FALSE;
        }
      /* Any number of fill bytes */
      while (pos < length && p[pos] == 0xff)
        pos++;
      if (pos >= length)
        {
          set_damaged (error, "JPEG", _("it ends before its size"));
          return FALSE;
        }
      marker = p[pos++];

      /* Markers without a segment: TEM, RST0 to RST7, SOI */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        continue;
      if (marker == 0xd9)
        {
          set_damaged (error, "JPEG", _("it ends before its size"));
          return FALSE;
        }
      if (marker == 0xda)
        {
          set_damaged (error, "JPEG", _("its image data comes before its size"));
          return FALSE;
        }
      if (marker == 0x00)
        {
          set_damaged (error, "JPEG", _("a part of it does not start where it should"));
          return FALSE;
        }

      /* The segment's length counts its own two bytes */
      if (length - pos < 2)
        {
          set_damaged (error, "JPEG", _("it ends before its size"));
          return FALSE;
        }
      segment_length = read_be16 (p + pos);
      if (segment_length < 2)
        {
          set_damaged (error, "JPEG", _("a part of it has an impossible length"));
          return FALSE;
        }
      if (length - pos < segment_length)
        {
          set_damaged (error, "JPEG", _("it ends before its size"));
          return FALSE;
        }

      if (is_jpeg_frame_marker (marker))
        {
          guint components;

          /* Length, precision, height, width, components, 3 bytes each */
          if (segment_length < 8)
            {
              set_damaged (error, "JPEG", _("its frame header is too short"));
              return FALSE;
            }
          components = p[pos + 7];
          if (components == 0 || segment_length < 8 + 3 * components)
            {
              set_damaged (error, "JPEG", _("its frame header is too short"));
              return FALSE;
            }
          *height = read_be16 (p + pos + 3);
          *width = read_be16 (p + pos + 5);
          /* A height of 0 means "given later, after the image data" (DNL):
           * too rare to be worth reading that far. */
          if (*width == 0 || *height == 0)
            {
              set_damaged (error, "JPEG", _("its width or height is 0"));
              return FALSE;
            }
          return TRUE;
        }

      pos += segment_length;
    }
}

typedef enum
{
  XML_NONE,       /* does not start like XML at all */
  XML_SVG,        /* the root element is <svg> or <prefix:svg> */
  XML_OTHER,      /* another root element, or none */
} XmlKind;

static gboolean
has_at (const guint8 *p,
        gsize         length,
        gsize         pos,
        const char   *s)
{
  gsize n = strlen (s);

  return pos <= length && length - pos >= n && memcmp (p + pos, s, n) == 0;
}

/* Where @s is, from @pos on, or G_MAXSIZE */
static gsize
find (const guint8 *p,
      gsize         length,
      gsize         pos,
      const char   *s)
{
  for (; pos < length; pos++)
    if (p[pos] == (guint8) s[0] && has_at (p, length, pos, s))
      return pos;
  return G_MAXSIZE;
}

static gboolean
is_xml_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* What the root element is, after an optional BOM, white space, processing
 * instructions (the XML declaration), comments and a document type
 * declaration. Only for telling SVG from other files: the document is
 * checked properly later. */
static XmlKind
sniff_xml (const guint8 *p,
           gsize         length)
{
  gsize pos = has_at (p, length, 0, "\xef\xbb\xbf") ? 3 : 0;
  gboolean seen_markup = FALSE;

  for (;;)
    {
      gsize name_start;
      gsize local_start;

      while (pos < length && is_xml_space (p[pos]))
        pos++;
      if (pos >= length || p[pos] != '<')
        return seen_markup ? XML_OTHER : XML_NONE;

      if (has_at (p, length, pos, "<?"))
        {
          pos = find (p, length, pos + 2, "?>");
          if (pos == G_MAXSIZE)
            return XML_OTHER;
          pos += 2;
        }
      else if (has_at (p, length, pos, "<!--"))
        {
          pos = find (p, length, pos + 4, "-->");
          if (pos == G_MAXSIZE)
            return XML_OTHER;
          pos += 3;
        }
      else if (has_at (p, length, pos, "<!"))
        {
          /* <!DOCTYPE name … [internal subset]> */
          guint8 quote = 0;
          guint depth = 0;

          for (pos += 2; pos < length; pos++)
            {
              guint8 c = p[pos];

              if (quote != 0)
                quote = c == quote ? 0 : quote;
              else if (c == '"' || c == '\'')
                quote = c;
              else if (c == '[')
                depth++;
              else if (c == ']' && depth > 0)
                depth--;
              else if (c == '>' && depth == 0)
                break;
            }
          if (pos >= length)
            return XML_OTHER;
          pos++;
        }
      else
        {
          /* The root element's name, up to white space, '/' or '>' */
          name_start = local_start = pos + 1;
          for (pos = name_start; pos < length; pos++)
            {
              if (is_xml_space (p[pos]) || p[pos] == '/' || p[pos] == '>')
                break;
              if (p[pos] == ':')
                local_start = pos + 1;
            }
          if (pos >= length)
            return XML_OTHER;
          return pos - local_start == 3 && memcmp (p + local_start, "svg", 3) == 0 ? XML_SVG : XML_OTHER;
        }

      seen_markup = TRUE;
    }
}

/* "<!DOCTYPE" or "<!ENTITY" anywhere, in any case */
static gboolean
has_declarations (const guint8 *p,
                  gsize         length)
{
  static const char * const declarations[] = { "<!doctype", "<!entity" };

  for (gsize pos = 0; pos + 1 < length; pos++)
    {
      if (p[pos] != '<' || p[pos + 1] != '!')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (declarations); i++)
        {
          gsize n = strlen (declarations[i]);

          if (length - pos >= n && g_ascii_strncasecmp ((const char *) p + pos, declarations[i], n) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

typedef struct
{
  guint    depth;
  gboolean seen_root;
  guint    n_elements;
} SvgState;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgState *state = user_data;

  if (state->depth == 0)
    {
      if (state->seen_root)
        {
          lc_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("there is more than one root element"));
          return;
        }
      if (!g_str_equal (local_name (element), "svg"))
        {
          lc_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("the root element is <%s>, not <svg>"), element);
          return;
        }
      state->seen_root = TRUE;
    }
  if (++state->n_elements > LC_PICTURE_MAX_SVG_ELEMENTS)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "too many elements");
      return;
    }
  state->depth++;
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  SvgState *state = user_data;

  state->depth--;
}

static const GMarkupParser svg_parser = {
  svg_start_element,
  svg_end_element,
  NULL,
  NULL,
  NULL,
};

static gboolean
check_svg (const guint8  *p,
           gsize          length,
           GError       **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  SvgState state = { 0, FALSE };
  gsize start = has_at (p, length, 0, "\xef\xbb\xbf") ? 3 : 0;

  if (!g_utf8_validate_len ((const char *) p, length, NULL))
    {
      set_damaged (error, "SVG", _("it is not UTF-8 text"));
      return FALSE;
    }
  if (has_declarations (p, length))
    {
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED,
                   _("the SVG picture has a document type or entity declaration (<!DOCTYPE> or <!ENTITY>), "
                     "which pictures must not have; save it again as plain SVG, e.g. with Inkscape’s “Plain SVG”"));
      return FALSE;
    }

  context = g_markup_parse_context_new (&svg_parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  if (!g_markup_parse_context_parse (context, (const char *) p + start, length - start, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (state.n_elements > LC_PICTURE_MAX_SVG_ELEMENTS)
        lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_LARGE,
                      _("the SVG picture has more than %u elements, far more than a step’s picture needs and "
                        "more than can be shown without using a lot of memory; simplify it or export it as PNG"),
                      LC_PICTURE_MAX_SVG_ELEMENTS);
      else
        set_damaged (error, "SVG", local_error->message);
      return FALSE;
    }
  if (!state.seen_root)
    {
      set_damaged (error, "SVG", _("it has no <svg> element"));
      return FALSE;
    }

  return TRUE;
}

static void
set_unknown_type (GError **error)
{
  lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_UNKNOWN_TYPE,
               _("this is not a PNG, JPEG or SVG picture; use a PNG, JPEG or SVG picture, "
                 "e.g. export it as one from your photo app"));
}

/**
 * lc_picture_check:
 * @data: the contents of a picture file
 * @type: (out) (optional): the picture's type
 * @width: (out) (optional): its width in pixels; 0 for SVG
 * @height: (out) (optional): its height in pixels; 0 for SVG
 * @error: return location for an error
 *
 * Checks that @data is a PNG, JPEG or SVG picture that is safe to hand to
 * a decoder: not larger than %LC_PICTURE_MAX_BYTES, with headers that are
 * whole, not more pixels than %LC_PICTURE_MAX_SIDE a side and
 * %LC_PICTURE_MAX_PIXELS in all, and, for SVG, well-formed UTF-8 XML
 * without a DTD. Only headers are read: nothing is decoded. The type comes
 * from the data, never from a file name.
 *
 * The outputs are set only when the check passes.
 *
 * Returns: whether @data passed; if not, @error says why, in words for
 *   people
 */
gboolean
lc_picture_check (GBytes         *data,
                  LcPictureType  *type,
                  guint          *width,
                  guint          *height,
                  GError        **error)
{
  const guint8 *p;
  gsize length;
  LcPictureType found;
  guint w = 0;
  guint h = 0;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = g_bytes_get_data (data, &length);

  if (length > LC_PICTURE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_LARGE,
                   /* Translators: %s is a size, e.g. "12.3 MiB" */
                   _("the picture is %s; use one of at most %u MiB, e.g. a smaller export from your photo app"),
                   size, LC_PICTURE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (length == 0)
    {
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED,
                   _("the picture file is empty; add the picture again, or export it again from the app it comes from"));
      return FALSE;
    }

  if (length >= sizeof png_signature && memcmp (p, png_signature, sizeof png_signature) == 0)
    {
      found = LC_PICTURE_PNG;
      if (!check_png (p, length, &w, &h, error))
        return FALSE;
    }
  else if (length >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    {
      found = LC_PICTURE_JPEG;
      if (!check_jpeg (p, length, &w, &h, error))
        return FALSE;
    }
  else
    {
      switch (sniff_xml (p, length))
        {
        case XML_SVG:
          found = LC_PICTURE_SVG;
          if (!check_svg (p, length, error))
            return FALSE;
          break;

        case XML_OTHER:
          lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_UNKNOWN_TYPE,
                       _("this XML file is not an SVG picture (it does not start with <svg>); "
                         "use a PNG, JPEG or SVG picture"));
          return FALSE;

        case XML_NONE:
        default:
          set_unknown_type (error);
          return FALSE;
        }
    }

  if (found != LC_PICTURE_SVG)
    {
      if (w > LC_PICTURE_MAX_SIDE || h > LC_PICTURE_MAX_SIDE)
        {
          lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_MANY_PIXELS,
                       /* Translators: width × height, then the largest side */
                       _("the picture is %u × %u pixels; use a picture of at most %u pixels a side, "
                         "e.g. a smaller export from your photo app"),
                       w, h, LC_PICTURE_MAX_SIDE);
          return FALSE;
        }
      if ((guint64) w * h > LC_PICTURE_MAX_PIXELS)
        {
          lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_MANY_PIXELS,
                       /* Translators: width × height, then how many million pixels are allowed */
                       _("the picture is %u × %u pixels; use a picture of at most %u million pixels, "
                         "e.g. a smaller export from your photo app"),
                       w, h, LC_PICTURE_MAX_PIXELS / (1000 * 1000));
          return FALSE;
        }
    }

  if (type != NULL)
    *type = found;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return TRUE;
}

/**
 * lc_picture_type_get_extension:
 * @type: a picture type
 *
 * Returns: the file name extension for @type, without the dot: "png",
 *   "jpg" or "svg"
 */
const char *
lc_picture_type_get_extension (LcPictureType type)
{
  switch (type)
    {
    case LC_PICTURE_PNG:
      return "png";
    case LC_PICTURE_JPEG:
      return "jpg";
    case LC_PICTURE_SVG:
      return "svg";
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char    *suffix;
  LcPictureType  type;
} name_suffixes[] = {
  { ".png", LC_PICTURE_PNG },
  { ".jpg", LC_PICTURE_JPEG },
  { ".jpeg", LC_PICTURE_JPEG },
  { ".svg", LC_PICTURE_SVG },
};

/**
 * lc_picture_name_is_valid:
 * @name: a file name
 *
 * Whether @name can name a picture in the pictures folder: 1 to 64
 * lowercase ASCII letters, digits, dots, underscores and dashes, starting
 * with a letter or digit, without "..", ending in ".png", ".jpg", ".jpeg"
 * or ".svg". Such a name is never a path: it has no '/' or '\\' and is
 * never "." or "..".
 *
 * Returns: whether @name is a valid picture name
 */
gboolean
lc_picture_name_is_valid (const char *name)
{
  gsize length;

  g_return_val_if_fail (name != NULL, FALSE);

  length = strlen (name);
  if (length < 1 || length > MAX_NAME_LENGTH)
    return FALSE;
  if (!g_ascii_islower (name[0]) && !g_ascii_isdigit (name[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) &&
        name[i] != '.' && name[i] != '_' && name[i] != '-')
      return FALSE;
  if (strstr (name, "..") != NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (name_suffixes); i++)
    if (g_str_has_suffix (name, name_suffixes[i].suffix))
      return TRUE;
  return FALSE;
}

static gboolean
name_matches_type (const char    *name,
                   LcPictureType  type)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_suffixes); i++)
    if (g_str_has_suffix (name, name_suffixes[i].suffix))
      return name_suffixes[i].type == type;
  return FALSE;
}

/**
 * lc_picture_name_for:
 * @data: a picture's contents
 * @type: its type, from lc_picture_check()
 *
 * The name a picture is stored under: the first 16 hexadecimal digits of
 * the SHA-256 of @data, a dot and the extension for @type. The same
 * contents always get the same name.
 *
 * Returns: (transfer full): the name
 */
char *
lc_picture_name_for (GBytes        *data,
                     LcPictureType  type)
{
  g_autofree char *checksum = NULL;
  const char *extension;

  g_return_val_if_fail (data != NULL, NULL);

  extension = lc_picture_type_get_extension (type);
  g_return_val_if_fail (extension != NULL, NULL);

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  return g_strdup_printf ("%.16s.%s", checksum, extension);
}

/**
 * lc_picture_store:
 * @data: a picture's contents
 * @dir: the pictures folder; created if it does not exist
 * @created: (out) (optional): whether a new file was written, so that a
 *   caller who gives up can remove just that
 * @error: return location for an error
 *
 * Checks @data with lc_picture_check() and saves it in @dir under
 * lc_picture_name_for(), atomically and readable by the user only. When
 * @dir already has a file of that name and size, that file is kept.
 *
 * Returns: (transfer full): the name of the stored picture, or %NULL with
 *   @error set; nothing is written then
 */
/* Whether @file holds exactly @data */
static gboolean
file_holds (GFile        *file,
            const guint8 *data,
            gsize         length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  return g_file_load_contents (file, NULL, &contents, &size, NULL, NULL)
         && size == length && memcmp (contents, data, length) == 0;
}

char *
lc_picture_store (GBytes   *data,
                  GFile    *dir,
                  gboolean *created,
                  GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  LcPictureType type;
  const guint8 *p;
  gsize length;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (created != NULL)
    *created = FALSE;
  if (!lc_picture_check (data, &type, NULL, NULL, error))
    return NULL;

  name = lc_picture_name_for (data, type);
  file = g_file_get_child (dir, name);
  p = g_bytes_get_data (data, &length);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *path = g_file_get_parse_name (dir);

      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                   /* Translators: %s is a folder, then why it failed */
                   _("the pictures folder %s could not be created (%s); check that there is free disk space "
                     "and that you can write there"),
                   path, local_error->message);
      return NULL;
    }
  g_clear_error (&local_error);

  /* The same name: the same picture (a name is a SHA-256 prefix), if the
   * file holds it whole; one cut short by a crash is written again. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL &&
      g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      (guint64) g_file_info_get_size (info) == length &&
      file_holds (file, p, length))
    {
      /* Chosen again, maybe long after it was last used: new again, so that
       * lc_picture_remove_unused() leaves it to the editor that chose it. */
      if (!g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        (guint64) (g_get_real_time () / G_USEC_PER_SEC),
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error))
        g_debug ("Could not mark %s as new: %s", name, local_error->message);
      return g_steal_pointer (&name);
    }

  if (!lc_file_replace_atomic (file, p, length, 0600, &local_error))
    {
      g_autofree char *path = g_file_get_parse_name (file);

      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                   /* Translators: %s is a file, then why it failed */
                   _("the picture could not be saved as %s (%s); check that there is free disk space "
                     "and that you can write there"),
                   path, local_error->message);
      return NULL;
    }

  if (created != NULL)
    *created = TRUE;
  return g_steal_pointer (&name);
}

/**
 * lc_picture_load:
 * @dir: the pictures folder
 * @name: a picture's name in @dir
 * @error: return location for an error
 *
 * Reads a picture that lc_picture_store() saved. A @name that
 * lc_picture_name_is_valid() refuses is refused before the file system is
 * touched; a file larger than %LC_PICTURE_MAX_BYTES is not read; what is
 * read must pass lc_picture_check() and be of the type its name says.
 *
 * Returns: (transfer full): the picture's contents, or %NULL with @error
 *   set
 */
GBytes *
lc_picture_load (GFile       *dir,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  LcPictureType type;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lc_picture_name_is_valid (name))
    {
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      if (g_utf8_strlen (shown, -1) > MAX_NAME_LENGTH)
        {
          g_autofree char *start = g_utf8_substring (shown, 0, MAX_NAME_LENGTH);

          g_free (shown);
          shown = g_strconcat (start, "…", NULL);
        }
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_INVALID_NAME,
                   _("“%s” is not a picture name: use the name of a PNG, JPEG or SVG file in the pictures "
                     "folder, in lowercase letters, digits, dots and dashes, without a folder"),
                   shown);
      return NULL;
    }

  file = g_file_get_child (dir, name);
  path = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                     /* Translators: %s is a file */
                     _("the picture %s is missing; add the picture to the step again, or choose another one"),
                     path);
      else
        lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                     /* Translators: %s is a file, then why it failed */
                     _("the picture %s could not be read (%s); check that you can read it"),
                     path, local_error->message);
      return NULL;
    }
  /* Not a folder, and not a FIFO that would block the read forever */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                   _("the picture %s is not a file; add the picture to the step again, or choose another one"),
                   path);
      return NULL;
    }
  if (g_file_info_get_size (info) > LC_PICTURE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);

      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_LARGE,
                   /* Translators: %s is a file, then its size, e.g. "12.3 MiB" */
                   _("the picture %s is %s; use one of at most %u MiB, e.g. a smaller export from your photo app"),
                   path, size, LC_PICTURE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                   _("the picture %s could not be read (%s); check that you can read it"),
                   path, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, length);

  if (!lc_picture_check (bytes, &type, NULL, NULL, &local_error))
    {
      lc_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  if (!name_matches_type (name, type))
    {
      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_DAMAGED,
                   /* Translators: %s is a file, then PNG, JPEG or SVG */
                   _("the picture %s holds a %s picture, not what its name says; add the picture to the step again"),
                   path, type == LC_PICTURE_PNG ? "PNG" : type == LC_PICTURE_JPEG ? "JPEG" : "SVG");
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * lc_picture_remove_unused:
 * @dir: the pictures folder
 * @used_names: (element-type utf8 utf8): the names still in use, as a set
 *   (lc_routine_loader_collect_pictures())
 * @older_than: only files last modified before this, in seconds since the
 *   Unix epoch, are removed; a picture chosen in an editor that is still
 *   open is newer
 * @n_removed: (out) (optional): how many files were removed, also when
 *   %FALSE is returned
 * @error: return location for an error
 *
 * Deletes the pictures in @dir that no routine uses: regular files whose
 * name lc_picture_name_is_valid() accepts, not in @used_names and older
 * than @older_than. Nothing else is touched: not other files, folders or
 * symbolic links (nor what they point to). A missing @dir holds nothing to
 * remove; a file that can't be deleted is logged and skipped.
 *
 * Returns: %TRUE, or %FALSE with @error set if @dir could not be read
 */
gboolean
lc_picture_remove_unused (GFile       *dir,
                          GHashTable  *used_names,
                          gint64       older_than,
                          guint       *n_removed,
                          GError     **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 limit;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (used_names != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;
  limit = (guint64) MAX (older_than, 0);

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL)
    {
      g_autofree char *path = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      path = g_file_get_parse_name (dir);
      lc_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }

  for (;;)
    {
      GFileInfo *info;  /* the enumerator's */
      g_autoptr(GFile) file = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, NULL, NULL, &local_error))
        {
          g_autofree char *path = g_file_get_parse_name (dir);

          lc_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
          if (n_removed != NULL)
            *n_removed = removed;
          return FALSE;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (!lc_picture_name_is_valid (name) ||
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_hash_table_contains (used_names, name) ||
          !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) ||
          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) >= limit)
        continue;

      file = g_file_get_child (dir, name);
      if (g_file_delete (file, NULL, &local_error))
        {
          g_debug ("Removed the unused picture %s", name);
          removed++;
        }
      else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_warning ("The unused picture %s could not be removed: %s", path, local_error->message);
        }
      g_clear_error (&local_error);
    }

  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}
