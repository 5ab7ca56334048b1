// Printed documents: the "พิมพ์" button opens the browser's print dialog (inline scripts are not allowed by the CSP).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
