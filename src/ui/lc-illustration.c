/* lc-illustration.c: the step illustrations, from the GResource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "lc-illustration.h"

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
 * lc_illustration_new:
 * @name: an illustration's name
 * @description: what it shows, for screen readers
 * @width: the width to ask for
 * @height: the height to ask for
 *
 * Returns: (transfer floating): a picture of the illustration, scaled to
 *   fit @width
 */
typedef struct
{
  char *path;
  int   width;
  int   height;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* In a worker thread: rasterizing SVG is the slow part. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_resource_at_scale (data->path, data->width, data->height,
                                                                       TRUE, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
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
      g_warning ("Illustration: %s", error->message);
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/**
 * lc_illustration_new:
 * @name: an illustration's name
 * @description: what it shows, for screen readers
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
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *clamp;

  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), description);
  /* It may shrink to two thirds in a narrow window. */
  gtk_widget_set_size_request (picture, width * 2 / 3, height * 2 / 3);

  /* Rasterized at twice the size asked for, so that it stays sharp on
   * high-resolution screens and when the picture grows with the window. */
  data->path = g_strconcat (LC_ILLUSTRATIONS_RESOURCE, name, ".svg", NULL);
  data->width = 2 * width;
  data->height = 2 * height;
  task = g_task_new (NULL, NULL, loaded_cb, g_object_ref (picture));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);

  /* The texture is twice the size; the clamp keeps the picture at the size
   * asked for, so that thumbnails line up whatever the text beside them. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), width);
  adw_clamp_set_child (ADW_CLAMP (clamp), picture);
  gtk_widget_add_css_class (clamp, "illustration");

  return clamp;
}
