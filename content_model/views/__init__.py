"""What each page shows, prepared before any template runs.

A view is plain data: texts already turned into Markdown with their ``[[ref]]`` links
resolved relative to the page they appear on, calculator examples computed, QR codes drawn,
progress keys built, HTML fragments rendered. Templates receive one view and lay it out;
they call nothing that knows the playbook.

- ``prose``: text of the content as Markdown for one page;
- ``blocks``: a block as its template ``templates/blocks/<type>.md.j2`` receives it;
- ``pages``: one view per page of the site map, and the build that prepares them all.
"""
