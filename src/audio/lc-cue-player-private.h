/* lc-cue-player-private.h: what tests and benchmarks see of the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only audio/ and the programs that look into the GStreamer pipeline
 * (tests, benchmarks) include this header; the UI includes
 * lc-cue-player.h, which needs no GStreamer headers.
 */

#pragma once

#include <gst/gst.h>

#include "lc-cue-player.h"

G_BEGIN_DECLS

GstElement  *lc_cue_player_get_pipeline     (LcCuePlayer  *self);

G_END_DECLS
