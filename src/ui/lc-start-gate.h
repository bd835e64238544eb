/* lc-start-gate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-routine.h"

G_BEGIN_DECLS

gboolean lc_start_gate_get_acknowledged (LcRoutine           *routine);
gboolean lc_start_gate_get_changed      (LcRoutine           *routine);
void     lc_start_gate_acknowledge      (LcRoutine           *routine);
void     lc_start_gate_check_async      (LcRoutine           *routine,
                                         GtkWidget           *parent,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean lc_start_gate_check_finish     (GtkWidget           *parent,
                                         GAsyncResult        *result);

G_END_DECLS
