// Visible "Link kopieren" controls for chapters and steps (see issue 6).
