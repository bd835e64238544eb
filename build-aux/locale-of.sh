#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The UTF-8 locale a language of po/LINGUAS is built and tested in: the one
# of its own country (it -> it_IT.UTF-8, de -> de_DE.UTF-8), or the one
# written in LINGUAS (pt_BR -> pt_BR.UTF-8). Used by dev-env (the locales it
# generates), screenshots.sh and the translated ui tests, so that a new
# language is a new .po file and a line in po/LINGUAS.
#   build-aux/locale-of.sh LANGUAGE
set -eu

case $1 in
  *_*) echo "$1.UTF-8" ;;
  # Languages whose country code is not their own code in capitals
  cs) echo cs_CZ.UTF-8 ;;
  da) echo da_DK.UTF-8 ;;
  el) echo el_GR.UTF-8 ;;
  en) echo en_US.UTF-8 ;;
  ja) echo ja_JP.UTF-8 ;;
  ko) echo ko_KR.UTF-8 ;;
  sv) echo sv_SE.UTF-8 ;;
  uk) echo uk_UA.UTF-8 ;;
  zh) echo zh_CN.UTF-8 ;;
  *) echo "$1_$(echo "$1" | tr '[:lower:]' '[:upper:]').UTF-8" ;;
esac
