import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

/** The app mounts once; everything else starts lazily from App. */
const app = mount(App, { target: document.getElementById('app')! });

export default app;
