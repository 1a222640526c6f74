// Downloads a text file produced on the server side (Compare exports) without leaving the page.
window.hiercoreDownload = (name, type, text) => {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
};
window.hiercoreCopy = (text) => navigator.clipboard?.writeText(text);
