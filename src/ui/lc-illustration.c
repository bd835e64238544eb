/* lc-illustration.c: the step illustrations, from the GResource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <adwaita.h>

#include "lc-error.h"
#include "lc-illustration.h"
#include "lc-picture.h"

/* What each built-in illustration shows, for people; the same order as
 * the files in data/illustrations. */
static const struct {
  const char *name;
  const char *label;
} labels[] = {
  /* Translators: a built-in picture's name in the step editor: what it shows */
  { "ankle-circles-elevated", NC_("illustration", "Ankle circles, legs raised") },
  { "ankle-circles-seated", NC_("illustration", "Seated ankle circles") },
  { "ankle-foot-strokes", NC_("illustration", "Ankle and foot skin stretches") },
  { "ankle-pumps-elevated", NC_("illustration", "Ankle pumps, legs raised") },
  { "belly-breathing", NC_("illustration", "Belly breathing") },
  { "calf-strokes", NC_("illustration", "Calf skin stretches") },
  { "collarbone-press", NC_("illustration", "Pressing above the collarbones") },
  { "elevation-setup", NC_("illustration", "Lifting the legs onto cushions") },
  { "groin-strokes", NC_("illustration", "Groin skin stretches") },
  { "knee-strokes", NC_("illustration", "Skin stretches behind the knee") },
  { "legs-elevated-rest", NC_("illustration", "Legs raised, resting") },
  { "lower-thigh-strokes", NC_("illustration", "Lower thigh skin stretches") },
  { "measure-ankle", NC_("illustration", "Measuring the ankle") },
  { "measure-calf", NC_("illustration", "Measuring the calf") },
  { "neck-strokes", NC_("illustration", "Neck skin stretches") },
  { "seated-foot-taps", NC_("illustration", "Seated foot taps") },
  { "seated-hamstring-stretch", NC_("illustration", "Seated hamstring stretch") },
  { "seated-heel-raises", NC_("illustration", "Seated heel raises") },
  { "seated-leg-straighten", NC_("illustration", "Seated leg straightening") },
  { "seated-marching", NC_("illustration", "Seated marching") },
  { "seated-toe-raises", NC_("illustration", "Seated toe raises") },
  { "shoulder-rolls", NC_("illustration", "Shoulder rolls") },
  { "sit-up-slowly", NC_("illustration", "Sitting up slowly") },
  { "standing-calf-stretch", NC_("illustration", "Standing calf stretch") },
  { "upper-thigh-strokes", NC_("illustration", "Upper thigh skin stretches") },
  { "walk-on-the-spot", NC_("illustration", "Walking on the spot") },
};

/**
 * lc_illustration_list_names:
 *
 * Returns: (transfer full): the names of the built-in illustrations,
 *   the files without ".svg"
 */
GStrv
lc_illustration_list_names (void)
{
  g_auto(GStrv) children = g_resources_enumerate_children (LC_ILLUSTRATIONS_RESOURCE, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".svg"))
      g_strv_builder_take (builder, g_strndup (children[i], strlen (children[i]) - strlen (".svg")));

  return g_strv_builder_end (builder);
}

/**
 * lc_illustration_is_for_steps:
 * @name: a built-in illustration's name
 *
 * Returns: whether a step may show it: all but the measurement guide's
 *   pictures ("measure-*")
 */
gboolean
lc_illustration_is_for_steps (const char *name)
{
  return !g_str_has_prefix (name, "measure-");
}

/**
 * lc_illustration_get_label:
 * @name: a built-in illustration's name
 *
 * Returns: (nullable): what the illustration shows, translated, e.g.
 *   "Seated heel raises"; %NULL for a name that is not built in
 */
const char *
lc_illustration_get_label (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return g_dpgettext2 (GETTEXT_PACKAGE, "illustration", labels[i].label);

  return NULL;
}

typedef struct
{
  char   *path;       /* a built-in illustration in the resource… */
  char   *file;       /* …or the user's own picture, checked first… */
  GBytes *bytes;      /* …or one from a shared routine, already checked */
  int     width;
  int     height;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

/* Scale a picture of the user's own to fit the size asked for while it is
 * decoded: JPEG (libjpeg scales while decoding) and SVG are never held at
 * their full size; an interlaced PNG, which only gdk-pixbuf reads here, is
 * decoded whole, then scaled (the pixel limits of lc_picture_check() hold
 * it to 160 MB). Other PNGs don't come here: lc_picture_decode_png(). */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  LoadData        *data)
{
  double scale = MIN ((double) data->width / MAX (width, 1), (double) data->height / MAX (height, 1));

  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static GdkPixbuf *
load_picture (LoadData  *data,
              GError   **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkPixbuf *pixbuf;

  if (data->bytes != NULL)
    bytes = g_bytes_ref (data->bytes);
  else if (data->file == NULL)
    {
      lc_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The picture is not in the pictures folder"));
      return NULL;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (data->file);
      g_autoptr(GFile) dir = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      /* Checked again: the file may have changed since it was chosen. */
      bytes = lc_picture_load (dir, name, error);
      if (bytes == NULL)
        return NULL;
    }

  /* gdk-pixbuf decodes a PNG whole before it scales it: a row at a time
   * instead (an interlaced one can't be, and is left to gdk-pixbuf) */
  if (g_bytes_get_size (bytes) >= 8 && memcmp (g_bytes_get_data (bytes, NULL), "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      g_autoptr(GError) png_error = NULL;
      g_autoptr(GBytes) pixels = NULL;
      guint width, height;

      pixels = lc_picture_decode_png (bytes, MAX (data->width, 1), MAX (data->height, 1), &width, &height,
                                      &png_error);
      if (pixels != NULL)
        return gdk_pixbuf_new_from_bytes (pixels, GDK_COLORSPACE_RGB, TRUE, 8, width, height, width * 4);
      if (!g_error_matches (png_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_propagate_error (error, g_steal_pointer (&png_error));
          return NULL;
        }
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), data);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("The picture could not be read"));
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/* In a worker thread: rasterizing SVG and decoding photos are the slow part. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (data->path != NULL)
    pixbuf = gdk_pixbuf_new_from_resource_at_scale (data->path, data->width, data->height, TRUE, &error);
  else
    pixbuf = load_picture (data, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
}

/* At most two pictures are decoded at once, in threads of their own: a
 * shared routine with fifty photos would otherwise decode all fifty at
 * the same time, with the memory of each at its full size, and take the
 * threads GIO's own work needs. */
#define MAX_DECODES 2

static void
decode_job (gpointer task,
            gpointer unused)
{
  load_in_thread (task, NULL, g_task_get_task_data (task), NULL);
  g_object_unref (task);
}

static GThreadPool *
decode_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter_pointer (&pool))
    g_once_init_leave_pointer (&pool, g_thread_pool_new (decode_job, NULL, MAX_DECODES, FALSE, NULL));

  return pool;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GdkTexture) texture = NULL;

  if (pixbuf == NULL)
    {
      /* A picture of the user's own that can't be shown says so in its place. */
      GtkIconPaintable *icon = gtk_icon_theme_lookup_icon (
        gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (picture))),
        "image-missing-symbolic", NULL, 48, 1, GTK_TEXT_DIR_NONE, 0);

      g_message ("Illustration: %s", error->message);
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (icon));
      g_object_unref (icon);
      gtk_widget_set_tooltip_text (GTK_WIDGET (picture), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (picture), "missing-picture");
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static GtkWidget *
new_picture (LoadData   *data,
             const char *description,
             int         width,
             int         height)
{
  g_autoptr(GTask) task = NULL;
  /* Without a description the picture is decoration beside text that says
   * the same (a row's title): left out of what screen readers read */
  GtkWidget *picture = g_object_new (GTK_TYPE_PICTURE,
                                     "accessible-role", description != NULL ? GTK_ACCESSIBLE_ROLE_IMG
                                                                             : GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     NULL);
  GtkWidget *clamp;

  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  /* The image's name, which a screen reader says (an alternative text
   * alone is only its description) */
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  /* It may shrink to two thirds in a narrow window. */
  gtk_widget_set_size_request (picture, width * 2 / 3, height * 2 / 3);

  /* Rasterized at twice the size asked for, so that it stays sharp on
   * high-resolution screens and when the picture grows with the window. */
  data->width = 2 * width;
  data->height = 2 * height;
  task = g_task_new (NULL, NULL, loaded_cb, g_object_ref (picture));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_thread_pool_push (decode_pool (), g_object_ref (task), NULL);

  /* The texture is twice the size; the clamp keeps the picture at the size
   * asked for, so that thumbnails line up whatever the text beside them. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), width);
  adw_clamp_set_child (ADW_CLAMP (clamp), picture);
  gtk_widget_add_css_class (clamp, "illustration");

  return clamp;
}

/**
 * lc_illustration_new:
 * @name: an illustration's name
 * @description: (nullable): what it shows, for screen readers; %NULL for a
 *   decorative picture beside text that says it (left out of the
 *   accessibility tree)
 * @width: the width to ask for
 * @height: the height to ask for
 *
 * The picture is drawn in a worker thread and appears when ready, so that
 * a page full of illustrations shows at once.
 *
 * Returns: (transfer floating): a picture of the illustration, scaled to
 *   fit @width
 */
GtkWidget *
lc_illustration_new (const char *name,
                     const char *description,
                     int         width,
                     int         height)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->path = g_strconcat (LC_ILLUSTRATIONS_RESOURCE, name, ".svg", NULL);
  return new_picture (data, description, width, height);
}

/**
 * lc_illustration_new_for_file:
 * @path: a picture of the user's own
 *
 * Returns: (transfer floating): the picture, checked before it is decoded
 */
GtkWidget *
lc_illustration_new_for_file (const char *path,
                              const char *description,
                              int         width,
                              int         height)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_strdup (path);
  return new_picture (data, description, width, height);
}

/**
 * lc_illustration_new_for_step:
 * @step: a step
 * @pictures: (nullable) (element-type utf8 GBytes): the pictures of a
 *   shared routine not added yet, by name
 *
 * The step's built-in illustration, or its own picture: from @pictures,
 * or from its file (checked again before it is decoded).
 *
 * Returns: (transfer floating): the picture
 */
GtkWidget *
lc_illustration_new_for_step (LcStep     *step,
                              GHashTable *pictures,
                              const char *description,
                              int         width,
                              int         height)
{
  const char *picture = lc_step_get_picture (step);
  GBytes *bytes;
  LoadData *data;

  if (picture == NULL)
    return lc_illustration_new (lc_step_get_illustration (step), description, width, height);

  /* A shared routine's picture, the file's, or (neither) shown as missing */
  bytes = pictures != NULL ? g_hash_table_lookup (pictures, picture) : NULL;
  data = g_new0 (LoadData, 1);
  data->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  data->file = bytes == NULL ? g_strdup (lc_step_get_picture_path (step)) : NULL;
  return new_picture (data, description, width, height);
}

/**
 * lc_illustration_new_for_routine:
 * @pictures: (nullable): as for lc_illustration_new_for_step()
 *
 * Returns: (transfer floating): the picture that stands for @routine: its
 *   own illustration, or its first step's
 */
GtkWidget *
lc_illustration_new_for_routine (LcRoutine  *routine,
                                 GHashTable *pictures,
                                 const char *description,
                                 int         width,
                                 int         height)
{
  const char *illustration = lc_routine_get_illustration (routine);
  LcStep *step = lc_routine_get_illustration_step (routine);

  if (step != NULL && g_strcmp0 (lc_step_get_illustration (step), illustration) == 0)
    return lc_illustration_new_for_step (step, pictures, description, width, height);

  return lc_illustration_new (illustration, description, width, height);
}

/**
 * lc_illustration_check_bytes:
 * @bytes: a picture that passed lc_picture_check()
 * @error: return location for an error
 *
 * Decodes the picture once at a small size, to refuse one that passes the
 * header checks but can't be shown.
 *
 * Returns: whether it can be shown
 */
gboolean
lc_illustration_check_bytes (GBytes  *bytes,
                             GError **error)
{
  LoadData data = { .bytes = bytes, .width = 64, .height = 64 };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;

  pixbuf = load_picture (&data, &local_error);
  if (pixbuf == NULL)
    {
      lc_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is the picture library's message */
                   _("The picture could not be read (%s): save it again as PNG or JPEG and choose that file."),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}
