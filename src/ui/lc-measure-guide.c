/* lc-measure-guide.c: how to measure the ankles and the calves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the tape goes and how to make readings comparable: the ankle at
 * its narrowest point above the ankle bones (Brodovicz et al. 2009, Clin
 * Med Res 7:21); the calf 10 cm below the bony bump under the kneecap,
 * the tibial tuberosity (Wells et al. 1997, Lancet 350:1795); non-stretch
 * tape on bare skin, the same clock time and the same position each time
 * (Support Care Cancer 2021;29:3183); changes under about 0.5 cm are
 * measurement error (Brodovicz 2009). Opened from the entry dialog.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-illustration.h"
#include "lc-measure-guide.h"

struct _LcMeasureGuide
{
  AdwDialog  parent_instance;

  /* Template widgets */
  GtkBox    *ankle_picture_box;
  GtkBox    *calf_picture_box;
};

G_DEFINE_FINAL_TYPE (LcMeasureGuide, lc_measure_guide, ADW_TYPE_DIALOG)

static void
lc_measure_guide_class_init (LcMeasureGuideClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-measure-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, LcMeasureGuide, ankle_picture_box);
  gtk_widget_class_bind_template_child (widget_class, LcMeasureGuide, calf_picture_box);
}

static void
lc_measure_guide_init (LcMeasureGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The pictures, with words for screen readers */
  gtk_box_append (self->ankle_picture_box,
                  lc_illustration_new ("measure-ankle",
                                       _("A tape around the leg at its narrowest point, just above the ankle bones"),
                                       280, 210));
  gtk_box_append (self->calf_picture_box,
                  lc_illustration_new ("measure-calf",
                                       _("The bony bump below the kneecap, a point 10 cm below it on the shin, and the tape around the calf there"),
                                       280, 210));
}

/**
 * lc_measure_guide_new:
 *
 * Returns: (transfer floating): the guide, to present
 */
AdwDialog *
lc_measure_guide_new (void)
{
  return g_object_new (LC_TYPE_MEASURE_GUIDE, NULL);
}
