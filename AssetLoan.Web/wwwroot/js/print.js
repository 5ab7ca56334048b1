// Printed documents: the "พิมพ์" button opens the browser's print dialog (inline scripts are not allowed by the CSP).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));

// With the Thai-digit setting on, a book printed from its screen page (register, year-end list, asset history) puts
// every figure and date on paper in Thai digits, as the slip and the letters do on the server; the screen keeps the
// Arabic digits officers type and search by. Chromium fires beforeprint for the print dialog and for print-to-PDF.
(() => {
  const roots = () => document.querySelectorAll('[data-print-digits="thai"]');
  const saved = [];
  addEventListener('beforeprint', () => {
    roots().forEach(root => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue;
        if (!/[0-9]/.test(text)) continue;
        saved.push([node, text]);
        node.nodeValue = text.replace(/[0-9]/g, d => String.fromCharCode(0x0E50 + (d.charCodeAt(0) - 48)));
      }
    });
  });
  addEventListener('afterprint', () => {
    saved.splice(0).forEach(([node, text]) => { node.nodeValue = text; });
  });
})();
