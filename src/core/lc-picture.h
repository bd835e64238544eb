/* lc-picture.h: the people's own pictures for exercise steps, checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LC_PICTURE_ERROR (lc_picture_error_quark ())

typedef enum
{
  LC_PICTURE_ERROR_TOO_LARGE,        /* more than LC_PICTURE_MAX_BYTES: not read at all */
  LC_PICTURE_ERROR_TOO_MANY_PIXELS,  /* a side or the area beyond the limits below */
  LC_PICTURE_ERROR_UNKNOWN_TYPE,     /* not a PNG, JPEG or SVG picture */
  LC_PICTURE_ERROR_DAMAGED,          /* cut short, broken headers, bad XML, a DTD */
  LC_PICTURE_ERROR_INVALID_NAME,     /* not a name lc_picture_name_is_valid() accepts */
  LC_PICTURE_ERROR_IO,               /* the pictures folder could not be read or written */
} LcPictureError;

/* Far more than a photo of an exercise needs; what is larger is refused
 * before anything decodes it. */
#define LC_PICTURE_MAX_BYTES  (8 * 1024 * 1024)
#define LC_PICTURE_MAX_SIDE   8192
#define LC_PICTURE_MAX_PIXELS (40 * 1000 * 1000)
/* librsvg needs several kilobytes per element: 20 000 are some 100 MB,
 * far more than a step's picture needs */
#define LC_PICTURE_MAX_SVG_ELEMENTS 20000

/* How old an unused picture must be before it is removed: a routine editor
 * open for less than this may hold a picture it has not saved yet. */
#define LC_PICTURE_UNUSED_SECONDS (24 * 60 * 60)

typedef enum
{
  LC_PICTURE_PNG,
  LC_PICTURE_JPEG,
  LC_PICTURE_SVG,
} LcPictureType;

GQuark      lc_picture_error_quark        (void);

gboolean    lc_picture_check              (GBytes         *data,
                                           LcPictureType  *type,
                                           guint          *width,
                                           guint          *height,
                                           GError        **error);

const char *lc_picture_type_get_extension (LcPictureType   type);

gboolean    lc_picture_name_is_valid      (const char     *name);
char       *lc_picture_name_for           (GBytes         *data,
                                           LcPictureType   type);

char       *lc_picture_store              (GBytes         *data,
                                           GFile          *dir,
                                           gboolean       *created,
                                           GError        **error);
GBytes     *lc_picture_decode_png         (GBytes         *data,
                                           guint           max_width,
                                           guint           max_height,
                                           guint          *width,
                                           guint          *height,
                                           GError        **error);
GBytes     *lc_picture_load               (GFile          *dir,
                                           const char     *name,
                                           GError        **error);

gboolean    lc_picture_remove_unused      (GFile          *dir,
                                           GHashTable     *used_names,
                                           gint64          older_than,
                                           guint          *n_removed,
                                           GError        **error);

G_END_DECLS
