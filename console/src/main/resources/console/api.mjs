// The HTTP API with the signed-in user's access token. The token lives in this module's memory only.
let config = null;
let token = null;

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function configure(cfg) { config = cfg; }
export function setToken(value) { token = value; }

export async function call(method, path, body) {
  const headers = { Authorization: 'Bearer ' + token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(config.api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) {
    const error = json && json.error;
    throw new ApiError(res.status, error ? error.code : 'Http' + res.status,
      error ? error.message : (json && json.message) || res.statusText, error && error.field);
  }
  return json;
}

// Posts a file through a presigned upload (S3 POST form, or PUT with headers), reporting progress 0..1.
export function upload(form, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(form.method || 'POST', form.url);
    xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'UploadRefused', xhr.statusText))));
    xhr.addEventListener('error', () => reject(new ApiError(0, 'UploadFailed', 'network error')));
    if (form.method === 'PUT') {
      for (const [name, value] of Object.entries(form.headers || {})) xhr.setRequestHeader(name, value);
      xhr.send(file);
      return;
    }
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields || {})) data.append(name, value);
    if (!('Content-Type' in (form.fields || {}))) data.append('Content-Type', file.type);
    data.append('file', file);
    xhr.send(data);
  });
}
