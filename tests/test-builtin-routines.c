/* test-builtin-routines.c: the routines Leg Care ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-builtin-routines ROUTINES_POT ROUTINE_FORMAT_MD
 * (the template xgettext made from data/routines through the ITS rules, and
 * docs/routine-format.md, whose example and illustration list are checked)
 */

#include "config.h"

#include "lc-illustration.h"
#include "lc-routine-library.h"
#include "lc-test-util.h"

#define ROUTINES_RESOURCE "/com/example/LegCare/routines/"

static const char *pot_path;
static const char *doc_path;

static LcRoutineLibrary *
load_builtin (GFile *user_dir)
{
  g_auto(GStrv) illustrations = lc_illustration_list_names ();
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new ((const char * const *) illustrations);
  LcRoutineLibrary *library = lc_routine_library_new (loader, ROUTINES_RESOURCE, user_dir, NULL);

  lc_routine_library_load (library);
  return library;
}

static void
test_builtin_all_load (void)
{
  g_autoptr(LcRoutineLibrary) library = load_builtin (NULL);
  GListModel *routines = lc_routine_library_get_routines (library);
  GListModel *problems = lc_routine_library_get_problems (library);
  /* id, shortest and longest acceptable duration in minutes (the targets) */
  struct { const char *id; guint min; guint max; } expected[] = {
    { "lymphatic-massage", 10, 15 },
    { "leg-elevation", 15, 20 },
    { "calf-pump-seated", 4, 6 },
    { "leg-stretching", 7, 9 },
    { "evening-routine", 9, 11 },
    { "sitting-break", 1, 2 },
    { "long-journey", 4, 6 },
  };

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LcRoutineProblem) problem = g_list_model_get_item (problems, i);

      g_test_message ("%s", lc_routine_problem_get_message (problem));
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (routines), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LcRoutine *routine = lc_routine_library_find (library, expected[i].id);
      guint duration;

      g_assert_nonnull (routine);
      g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_BUILTIN);
      g_assert_false (lc_routine_get_overrides_builtin (routine));
      /* Every routine says who should not do it. */
      g_assert_nonnull (lc_routine_get_cautions (routine)[0]);

      duration = lc_routine_get_duration (routine);
      g_test_message ("%s: %u s", expected[i].id, duration);
      g_assert_cmpuint (duration, >=, expected[i].min * 60);
      g_assert_cmpuint (duration, <=, expected[i].max * 60);
    }
}

/* Shipped for the measurement guide (where to put the tape), not for a
 * routine's step: the only illustrations no routine has to use. Documented
 * in data/illustrations/MANIFEST.md. */
static const char * const guide_illustrations[] = {
  "measure-ankle",
  "measure-calf",
};

static gboolean
is_guide_illustration (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (guide_illustrations); i++)
    if (g_str_equal (guide_illustrations[i], name))
      return TRUE;
  return FALSE;
}

static void
test_builtin_illustrations_exist (void)
{
  g_autoptr(LcRoutineLibrary) library = load_builtin (NULL);
  GListModel *routines = lc_routine_library_get_routines (library);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) names = lc_illustration_list_names ();

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (routines, i);

      for (guint j = 0; j < lc_routine_get_n_steps (routine); j++)
        {
          const char *name = lc_step_get_illustration (lc_routine_get_step (routine, j));
          g_autofree char *path = g_strconcat (LC_ILLUSTRATIONS_RESOURCE, name, ".svg", NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

          g_assert_nonnull (bytes);
          g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
          g_hash_table_add (used, (gpointer) name);
        }
    }

  /* And nothing is shipped that no routine shows, but the guide's. */
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_hash_table_contains (used, names[i]) && !is_guide_illustration (names[i]))
      g_error ("illustration %s is in the resource but no routine uses it", names[i]);

  /* The guide's are shipped, and listed like the others. */
  for (guint i = 0; i < G_N_ELEMENTS (guide_illustrations); i++)
    {
      g_autofree char *path = g_strconcat (LC_ILLUSTRATIONS_RESOURCE, guide_illustrations[i], ".svg", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      g_assert_nonnull (bytes);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      g_assert_true (g_strv_contains ((const char * const *) names, guide_illustrations[i]));
    }
}

/* The msgids of a .pot file, unescaped. */
static GHashTable *
read_pot (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) current = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          current = g_string_new (NULL);
          quoted = line + strlen ("msgid ");
        }
      else if (current != NULL && line[0] == '"')
        quoted = line;
      else if (current != NULL)
        {
          if (current->len > 0)
            g_hash_table_add (ids, g_strdup (current->str));
          g_string_free (g_steal_pointer (&current), TRUE);
        }

      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *text = g_strcompress (inner);

          g_string_append (current, text);
        }
    }

  return ids;
}

static void
assert_in_pot (GHashTable *ids,
               const char *text,
               const char *where)
{
  if (text != NULL && !g_hash_table_contains (ids, text))
    g_error ("%s: “%s” is not in the .pot", where, text);
}

static void
test_builtin_strings_in_pot (void)
{
  g_autoptr(GHashTable) ids = read_pot (pot_path);
  /* Illustrations are checked elsewhere; any name will do here. */
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (NULL);
  g_auto(GStrv) children = g_resources_enumerate_children (ROUTINES_RESOURCE, 0, NULL);
  guint checked = 0;

  g_assert_nonnull (children);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (ROUTINES_RESOURCE, children[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(LcRoutine) routine = NULL;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      /* Read as a user's file, so that the text is what the lookup uses: untranslated. */
      routine = lc_routine_loader_parse (loader, data, size, path, LC_ROUTINE_ORIGIN_USER, &error);
      g_assert_no_error (error);

      assert_in_pot (ids, lc_routine_get_name (routine), path);
      assert_in_pot (ids, lc_routine_get_summary (routine), path);
      for (guint j = 0; lc_routine_get_cautions (routine)[j] != NULL; j++)
        assert_in_pot (ids, lc_routine_get_cautions (routine)[j], path);
      checked += 2 + g_strv_length ((GStrv) lc_routine_get_cautions (routine));

      for (guint j = 0; j < lc_routine_get_n_steps (routine); j++)
        {
          LcStep *step = lc_routine_get_step (routine, j);

          assert_in_pot (ids, lc_step_get_title (step), path);
          assert_in_pot (ids, lc_step_get_instruction (step), path);
          assert_in_pot (ids, lc_step_get_cue (step), path);
          assert_in_pot (ids, lc_step_get_cue_switch (step), path);
          assert_in_pot (ids, lc_step_get_cue_halfway (step), path);
          checked += 3;
        }
    }

  g_test_message ("%u strings checked", checked);
  g_assert_cmpuint (checked, >, 100);
}

static void
test_builtin_override (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "legcare", "routines", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LcRoutineLibrary) library = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ROUTINES_RESOURCE "leg-elevation.xml", 0, NULL);
  g_autofree char *custom = NULL;
  LcRoutine *routine;

  /* The user's copy of a built-in routine, with another name. */
  {
    const char *original = g_bytes_get_data (bytes, NULL);
    const char *start = strstr (original, "<name>");
    const char *end = strstr (original, "</name>") + strlen ("</name>");

    custom = g_strdup_printf ("%.*s<name>My Elevation</name>%s",
                              (int) (start - original), original, end);
  }

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  lc_test_write_file (dir, "my-elevation.xml", custom);
  library = load_builtin (dir);

  /* The user's wins, and says it replaces the built-in one; the others stay. */
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (library)), ==, 7);
  routine = lc_routine_library_find (library, "leg-elevation");
  g_assert_nonnull (routine);
  g_assert_cmpstr (lc_routine_get_name (routine), ==, "My Elevation");
  g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_USER);
  g_assert_true (lc_routine_get_overrides_builtin (routine));
  g_assert_cmpint (lc_routine_get_origin (lc_routine_library_find (library, "leg-stretching")), ==,
                   LC_ROUTINE_ORIGIN_BUILTIN);

  /* A broken copy hides nothing: the built-in one stays, the problem is listed. */
  lc_test_write_file (dir, "my-elevation.xml", "<routine id=\"leg-elevation\" version=\"1\">");
  g_clear_object (&library);
  library = load_builtin (dir);
  routine = lc_routine_library_find (library, "leg-elevation");
  g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_BUILTIN);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_problems (library)), ==, 1);
}

/* docs/routine-format.md: its example loads as it is, with the real
 * illustrations, and its list of built-in illustrations is exactly the
 * resource's. */
static void
test_builtin_doc_example (void)
{
  g_auto(GStrv) illustrations = lc_illustration_list_names ();
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new ((const char * const *) illustrations);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  g_autofree char *contents = NULL;
  const char *start;
  const char *end;

  g_assert_true (g_file_get_contents (doc_path, &contents, NULL, &error));
  g_assert_no_error (error);

  start = strstr (contents, "```xml\n");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "\n```");
  g_assert_nonnull (end);

  routine = lc_routine_loader_parse (loader, start, end + 1 - start, doc_path, LC_ROUTINE_ORIGIN_USER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);
  g_assert_cmpuint (lc_routine_get_n_steps (routine), >, 0);
  /* An unknown name would load too, with a placeholder picture: the
   * example names only real ones. */
  if (lc_routine_get_missing_illustrations (routine) != NULL)
    g_error ("docs/routine-format.md's example names illustrations that do not exist: %s",
             lc_routine_get_missing_illustrations (routine)[0]);
  /* Copying it adds a routine; it does not replace a built-in one. */
  {
    g_autoptr(LcRoutineLibrary) library = load_builtin (NULL);

    g_assert_null (lc_routine_library_find (library, lc_routine_get_id (routine)));
  }
}

static void
test_builtin_doc_illustrations (void)
{
  g_auto(GStrv) names = lc_illustration_list_names ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_section = FALSE;

  g_assert_true (g_file_get_contents (doc_path, &contents, NULL, &error));
  g_assert_no_error (error);

  /* The first column of the table under "## Built-in illustrations" */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "## "))
        in_section = g_str_equal (lines[i], "## Built-in illustrations");
      else if (in_section && g_str_has_prefix (lines[i], "| `"))
        {
          const char *name = lines[i] + strlen ("| `");
          const char *quote = strchr (name, '`');

          g_assert_nonnull (quote);
          g_ptr_array_add (listed, g_strndup (name, quote - name));
        }
    }

  for (guint i = 0; i < listed->len; i++)
    if (!g_strv_contains ((const char * const *) names, listed->pdata[i]))
      g_error ("docs/routine-format.md lists %s, which is not a built-in illustration",
               (char *) listed->pdata[i]);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < listed->len && !found; j++)
        found = g_str_equal (listed->pdata[j], names[i]);
      if (!found)
        g_error ("illustration %s is not listed in docs/routine-format.md", names[i]);
    }
  g_assert_cmpuint (listed->len, ==, g_strv_length (names));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (argc < 3)
    g_error ("Usage: test-builtin-routines ROUTINES_POT ROUTINE_FORMAT_MD");
  pot_path = argv[1];
  doc_path = argv[2];

  g_test_add_func ("/lc/builtin-routines/all-load", test_builtin_all_load);
  g_test_add_func ("/lc/builtin-routines/illustrations-exist", test_builtin_illustrations_exist);
  g_test_add_func ("/lc/builtin-routines/strings-in-pot", test_builtin_strings_in_pot);
  g_test_add_func ("/lc/builtin-routines/override", test_builtin_override);
  g_test_add_func ("/lc/builtin-routines/doc-example", test_builtin_doc_example);
  g_test_add_func ("/lc/builtin-routines/doc-illustrations", test_builtin_doc_illustrations);

  return g_test_run ();
}
