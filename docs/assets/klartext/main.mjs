// The site's scripts, one module per feature (see CONTRIBUTING.md). MkDocs loads this file
// as a module after Material's bundle; each feature binds itself through page/on-page.mjs.
import "./calculators/calculators.mjs";
import "./text-templates/forms.mjs";
import "./progress/progress.mjs";
import "./self-check/self-check.mjs";
import "./deep-links/deep-links.mjs";
import "./cards/forward.mjs";
import "./offline/offline.mjs";
import "./print/print-addresses.mjs";
import "./at-a-glance/at-a-glance.mjs";
