"""Project image (issue 23): the dialog where a picture or a drawing is projected into the open generator."""
